import { z } from 'zod';
import type { Clock } from '../../time/clock.js';
import type { MailSource, SourceMail } from '../mail-source.js';
import { GraphClient, type GraphAccess } from '../graph/graph-client.js';

export interface GraphSettings extends GraphAccess {
  /** A well-known folder name (inbox) or a folder id. */
  folder: string;
  /** Display name of the folder done mails move to; made when missing. */
  doneFolder: string;
}
const messagePage = z.object({ value: z.array(z.object({ id: z.string() })), '@odata.nextLink': z.string().optional() });
const folderPage = z.object({ value: z.array(z.object({ id: z.string(), displayName: z.string() })) });
const folder = z.object({ id: z.string() });

const PAGE_SIZE = 50;

/**
 * A Microsoft 365 mailbox through Microsoft Graph, with the app's own credentials (client
 * credentials grant; the app needs Mail.ReadWrite application permission). A listing is ids
 * only; a mail is read as MIME (`$value`) when asked for, so it goes through the same parser
 * as every other mail.
 */
export class GraphSource implements MailSource {
  private doneFolderId: string | null = null;
  private readonly graph: GraphClient;

  constructor(
    private readonly settings: GraphSettings,
    clock: Clock,
  ) {
    this.graph = new GraphClient(settings, clock);
  }

  async list(): Promise<SourceMail[]> {
    const base = `${this.graph.userUrl}/mailFolders/${encodeURIComponent(this.settings.folder)}/messages?$select=id&$orderby=receivedDateTime&$top=${PAGE_SIZE}`;
    const ids: string[] = [];
    for (let url: string | undefined = base; url; ) {
      const page: z.infer<typeof messagePage> = messagePage.parse(await (await this.graph.call('GET', url)).json());
      ids.push(...page.value.map((m) => m.id));
      url = page['@odata.nextLink'];
    }
    return ids.map((id) => ({ id, raw: () => this.mime(id) }));
  }

  private async mime(id: string): Promise<Buffer> {
    return Buffer.from(await (await this.graph.call('GET', `${this.graph.userUrl}/messages/${encodeURIComponent(id)}/$value`)).arrayBuffer());
  }

  async markDone(id: string): Promise<void> {
    const destinationId = await this.doneFolder();
    await this.graph.call('POST', `${this.graph.userUrl}/messages/${encodeURIComponent(id)}/move`, { destinationId });
  }

  async check(): Promise<void> {
    await this.graph.call('GET', `${this.graph.userUrl}/mailFolders/${encodeURIComponent(this.settings.folder)}`);
  }

  async close(): Promise<void> {}

  private async doneFolder(): Promise<string> {
    if (this.doneFolderId) return this.doneFolderId;
    const name = this.settings.doneFolder;
    const filter = encodeURIComponent(`displayName eq '${name.replace(/'/g, "''")}'`);
    const found = folderPage.parse(await (await this.graph.call('GET', `${this.graph.userUrl}/mailFolders?$filter=${filter}`)).json()).value[0];
    this.doneFolderId = found ? found.id : folder.parse(await (await this.graph.call('POST', `${this.graph.userUrl}/mailFolders`, { displayName: name })).json()).id;
    return this.doneFolderId;
  }
}
