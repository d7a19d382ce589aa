import nodemailer from 'nodemailer';
import { GraphClient, GraphError, type GraphAccess } from '../email/graph/graph-client.js';
import type { Clock } from '../time/clock.js';
import type { CustomerMail } from './customer-mail.js';
import { mailOptionsOf } from './mail-options.js';
import { ReplyRefused, type ReplyTransport } from './reply-transport.js';

/** Graph's own refusals: the mail did not go. A 5xx or a timeout may have come after Graph took it. */
const refused = (error: unknown): boolean => error instanceof GraphError && error.status >= 400 && error.status < 500;

/**
 * Sends through a Microsoft 365 mailbox with Graph's `sendMail`, as MIME: Graph's JSON message
 * takes no In-Reply-To or References (it allows only x- headers), and the reply must stay in the
 * customer's thread. The MIME is composed by nodemailer exactly as for SMTP. The app needs the
 * Mail.Send application permission; it sends as the mailbox, so a From other than the mailbox
 * needs Send As rights on it.
 */
export class GraphReplyTransport implements ReplyTransport {
  private readonly graph: GraphClient;
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(access: GraphAccess, clock: Clock) {
    this.graph = new GraphClient(access, clock);
  }

  async send(mail: CustomerMail): Promise<void> {
    const { message } = (await this.composer.sendMail(mailOptionsOf(mail))) as { message: Buffer };
    try {
      await this.graph.call('POST', `${this.graph.userUrl}/sendMail`, message.toString('base64'), 'text/plain');
    } catch (error) {
      if (refused(error)) throw new ReplyRefused(`Microsoft Graph refused the mail: ${(error as Error).message}`);
      throw error;
    }
  }

  close(): void {
    this.composer.close();
  }
}
