import type { ReplyMail } from './reply-mail.js';

/** How a reply leaves: the seller's SMTP server, or Microsoft Graph for a Graph mailbox. */
export interface ReplyTransport {
  /** Throws `ReplyRefused` when the server said no, so the mail certainly did not go out; anything else leaves that open. */
  send(mail: ReplyMail): Promise<void>;
}

/** The mail server refused the reply: it was not sent, and trying again may send it. */
export class ReplyRefused extends Error {
  override name = 'ReplyRefused';
}
