import type { CustomerMail } from './customer-mail.js';

/** How a mail to the customer leaves: the seller's SMTP server, or Microsoft Graph for a Graph mailbox. */
export interface ReplyTransport {
  /** Throws `ReplyRefused` when the server said no, so the mail certainly did not go out; anything else leaves that open. */
  send(mail: CustomerMail): Promise<void>;
}

/** The mail server refused the reply: it was not sent, and trying again may send it. */
export class ReplyRefused extends Error {
  override name = 'ReplyRefused';
}
