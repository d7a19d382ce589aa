import { ImapFlow } from 'imapflow';
import { MailGone, type MailSource, type SourceMail } from '../mail-source.js';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  folder: string;
  doneFolder: string;
}

const CONNECT_TIMEOUT_MS = 15_000;
/** Start IDLE soon after each poll, so new mail is heard of within a second or so, not a poll interval. */
const IDLE_AFTER_MS = 1_000;

/**
 * An IMAP folder, through imapflow. The connection is opened on first use and again after it
 * drops (the poller backs off while it cannot be); while it is open, the server's IDLE tells us
 * of new mail at once, and the poll interval is the fallback. Done mails move to `doneFolder`.
 * Nothing is kept in memory but the connection: a mail's bytes are fetched when asked for.
 */
export class ImapSource implements MailSource {
  private client: ImapFlow | null = null;
  private connecting: Promise<ImapFlow> | null = null;
  private onNewMail: (() => void) | null = null;
  private doneFolderExists = false;

  constructor(private readonly settings: ImapSettings) {}

  watch(onNewMail: () => void): void {
    this.onNewMail = onNewMail;
  }

  /** UIDs only; a mail's bytes are fetched when the poller first meets it. */
  async list(): Promise<SourceMail[]> {
    const uids = await this.inFolder(async (client) => (await client.search({ all: true }, { uid: true })) || []);
    return uids.sort((a, b) => a - b).map((uid) => ({ id: String(uid), raw: () => this.source(uid) }));
  }

  private async source(uid: number): Promise<Buffer> {
    const message = await this.inFolder((client) => client.fetchOne(String(uid), { source: true }, { uid: true }));
    if (!message || !message.source) throw new MailGone(`IMAP message ${uid} is no longer in ${this.settings.folder}`);
    return message.source;
  }

  private async inFolder<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    const client = await this.connection();
    const lock = await client.getMailboxLock(this.settings.folder);
    try {
      return await work(client);
    } finally {
      lock.release();
    }
  }

  async markDone(id: string): Promise<void> {
    await this.inFolder(async (client) => {
      if (!this.doneFolderExists && !(await client.list()).some((box) => box.path === this.settings.doneFolder)) await client.mailboxCreate(this.settings.doneFolder);
      this.doneFolderExists = true;
      await client.messageMove(id, this.settings.doneFolder, { uid: true });
    });
  }

  async check(): Promise<void> {
    try {
      await (await this.connection()).noop();
    } catch (error) {
      throw new Error(`IMAP ${this.settings.user}@${this.settings.host}:${this.settings.port}: ${(error as Error).message}`);
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client?.usable) await client.logout().catch(() => client.close());
  }

  private async connection(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<ImapFlow> {
    const { host, port, secure, user, password } = this.settings;
    const client = new ImapFlow({ host, port, secure, auth: { user, pass: password }, logger: false, connectionTimeout: CONNECT_TIMEOUT_MS, greetingTimeout: CONNECT_TIMEOUT_MS, autoIdleDelay: IDLE_AFTER_MS });
    // A dropped connection is noticed here and replaced on the next poll.
    client.on('error', () => undefined);
    client.on('close', () => {
      if (this.client === client) this.client = null;
    });
    client.on('exists', () => this.onNewMail?.());
    try {
      await client.connect();
      // Holding the folder open lets the server announce new mail while the connection idles.
      await client.mailboxOpen(this.settings.folder);
    } catch (error) {
      // Logged in but the folder is wrong: not closing would leave a session per retry.
      client.close();
      throw error;
    }
    this.client = client;
    return client;
  }
}
