import { z } from 'zod';
import type { Clock } from '../../time/clock.js';

/** An app's access to one Microsoft 365 mailbox through Microsoft Graph (client credentials grant). */
export interface GraphAccess {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The mailbox's address or user id. */
  mailbox: string;
  authorityUrl: string;
  graphUrl: string;
}

const token = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number() });

/** Renew the app token this long before Microsoft says it expires. */
const TOKEN_MARGIN_MS = 60_000;
const TIMEOUT_MS = 30_000;

/** A Graph answer that was not 2xx, with what Graph said. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Calls Graph for one mailbox with the app's own token: fetched with the client secret, kept
 * until shortly before it expires, and fetched once more when Graph refuses it early.
 */
export class GraphClient {
  private accessToken: { value: string; until: number } | null = null;

  constructor(
    private readonly access: GraphAccess,
    private readonly clock: Clock,
  ) {}

  /** The mailbox's own part of the API: `${userUrl}/messages`, … */
  get userUrl(): string {
    return `${this.access.graphUrl}/users/${encodeURIComponent(this.access.mailbox)}`;
  }

  /** `body` as JSON, or as given with its content type (`sendMail` takes MIME as base64 text). */
  async call(method: 'GET' | 'POST', url: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${await this.bearer()}`, ...(body === undefined ? {} : { 'Content-Type': contentType }) },
        body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : String(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.ok) return response;
      // A token revoked or expired early: one fresh token, one more try.
      if (response.status === 401 && attempt === 0) {
        this.accessToken = null;
        continue;
      }
      const path = new URL(url).pathname;
      throw new GraphError(`Microsoft Graph ${method} ${path} failed: HTTP ${response.status} ${await errorOf(response)}`, response.status);
    }
  }

  private async bearer(): Promise<string> {
    if (this.accessToken && this.clock.monotonicMs() < this.accessToken.until) return this.accessToken.value;
    const { tenantId, clientId, clientSecret, authorityUrl } = this.access;
    const response = await fetch(`${authorityUrl}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials' }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new GraphError(`Microsoft login for ${this.access.mailbox} failed: HTTP ${response.status} ${await errorOf(response)}`, response.status);
    const answer = token.parse(await response.json());
    this.accessToken = { value: answer.access_token, until: this.clock.monotonicMs() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
    return answer.access_token;
  }
}

/** Graph and Entra answer errors as JSON with a code and a message; the message says what is wrong. */
async function errorOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } | string; error_description?: string };
    if (typeof parsed.error === 'object') return `${parsed.error.code ?? ''}: ${parsed.error.message ?? ''}`;
    return `${parsed.error ?? ''}: ${(parsed.error_description ?? '').split(/\r?\n/)[0]}`;
  } catch {
    return text.slice(0, 200);
  }
}
