import type { SendMailOptions } from 'nodemailer';
import type { CustomerMail } from './customer-mail.js';

/** A mail to the customer as nodemailer composes it, whichever way it then leaves. */
export function mailOptionsOf(mail: CustomerMail): SendMailOptions {
  return {
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.references,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments,
  };
}
