import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import type { MailSource, SourceMail } from '../mail-source.js';

export interface GraphSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The mailbox's address or user id. */
  mailbox: string;
  /** A well-known folder name (inbox) or a folder id. */
  folder: string;
  /** Display name of the folder done mails move to; made when missing. */
  doneFolder: string;
  authorityUrl: string;
  graphUrl: string;
}

const token = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number() });
const messagePage = z.object({ value: z.array(z.object({ id: z.string() })), '@odata.nextLink': z.string().optional() });
const folderPage = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })) });
const folder = z.object({ id: z.string() });

const PAGE_SIZE = 50;
/** Renew the app token this long before Microsoft says it expires. */
const TOKEN_MARGIN_MS = 60_000;
const TIMEOUT_MS = 30_000;

/**
 * A Microsoft 365 mailbox through Microsoft Graph, with the app's own credentials (client
 * credentials grant; the app needs Mail.ReadWrite application permission). A listing is ids
 * only; a mail is read as MIME (`$value`) when asked for, so it goes through the same parser
 * as every other mail.
 */
export class GraphSource implements MailSource {
  private accessToken: { value: string; until: number } | null = null;
  private doneFolderId: string | null = null;

  constructor(
    private readonly settings: GraphSettings,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<SourceMail[]> {
    const base = `${this.userUrl()}/mailFolders/${encodeURIComponent(this.settings.folder)}/messages?$select=id&$orderby=receivedDateTime&$top=${PAGE_SIZE}`;
    const ids: string[] = [];
    for (let url: string | undefined = base; url; ) {
      const page: z.infer<typeof messagePage> = messagePage.parse(await (await this.call('GET', url)).json());
      ids.push(...page.value.map((m) => m.id));
      url = page['@odata.nextLink'];
    }
    return ids.map((id) => ({ id, raw: () => this.mime(id) }));
  }

  private async mime(id: string): Promise<Buffer> {
    return Buffer.from(await (await this.call('GET', `${this.userUrl()}/messages/${encodeURIComponent(id)}/$value`)).arrayBuffer());
  }

  async markDone(id: string): Promise<void> {
    const destinationId = await this.doneFolder();
    await this.call('POST', `${this.userUrl()}/messages/${encodeURIComponent(id)}/move`, { destinationId });
  }

  async check(): Promise<void> {
    await this.call('GET', `${this.userUrl()}/mailFolders/${encodeURIComponent(this.settings.folder)}`);
  }

  async close(): Promise<void> {}

  private userUrl(): string {
    return `${this.settings.graphUrl}/users/${encodeURIComponent(this.settings.mailbox)}`;
  }

  private async doneFolder(): Promise<string> {
    if (this.doneFolderId) return this.doneFolderId;
    const name = this.settings.doneFolder;
    const filter = encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`);
    const found = folderPage.parse(await (await this.call('GET', `${this.userUrl()}/mailFolders?$filter=${filter}`)).json()).value[0];
    this.doneFolderId = found ? found.id : folder.parse(await (await this.call('POST', `${this.userUrl()}/mailFolders`, { displayName: name })).json()).id;
    return this.doneFolderId;
  }

  private async bearer(): Promise<string> {
    if (this.accessToken && this.clock.monotonicMs() < this.accessToken.until) return this.accessToken.value;
    const { tenantId, clientId, clientSecret, authorityUrl } = this.settings;
    const response = await fetch(`${authorityUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials' }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Microsoft login for ${this.settings.mailbox} failed: HTTP ${response.status} ${await this.errorOf(response)}`);
    const answer = token.parse(await response.json());
    this.accessToken = { value: answer.access_token, until: this.clock.monotonicMs() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
    return answer.access_token;
  }

  private async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${await this.bearer()}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) return response;
      // A token revoked or expired early: one fresh token, one more try.
      if (response.status === 401 && attempt === 0) {
        this.accessToken = null;
        continue;
      }
      const path = new URL(url).pathname;
      throw new Error(`Microsoft Graph ${method} ${path} failed: HTTP ${response.status} ${await this.errorOf(response)}`);
    }
  }

  /** Graph and Entra answer errors as JSON with a code and a message; the message says what is wrong. */
  private async errorOf(response: Response): Promise<string> {
    const text = await response.text().catch(() => '');
    try {
      const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } | string; error_description?: string };
      if (typeof parsed.error === 'object') return `${parsed.error.code ?? ''}: ${parsed.error.message ?? ''}`;
      return `${parsed.error ?? ''}: ${(parsed.error_description ?? '').split(/\r?\n/)[0]}`;
    } catch {
      return text.slice(0, 200);
    }
  }
}
