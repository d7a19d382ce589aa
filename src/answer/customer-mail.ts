import type { EmailAddress, ParsedEmail } from '../email/parsed-email.js';
import { requesterOf } from '../email/requester.js';
import { html } from '../web/html.js';

/** What a mail to the customer needs of their request: its threading headers and its sender. */
export type RequestHeaders = Pick<ParsedEmail, 'messageId' | 'references' | 'subject' | 'from' | 'replyTo'>;

/** A mail Offerflow sends a customer: the offer, or questions about their request. */
export interface CustomerMail {
  messageId: string;
  from: EmailAddress;
  to: EmailAddress;
  cc: EmailAddress[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

const REPLY_PREFIX = /^\s*(re|sv|vs|aw|antw)\s*:/i;
/** A display name that reads as a person's ("Matti Virtanen"), whose first word a greeting can use; a company's is not. */
const PERSON_NAME = /^\p{Lu}[\p{Ll}'-]+(?:\s\p{Lu}[\p{Ll}'-]+){1,2}$/u;

/** "Re: <the request's subject>", not "Re: Re: …". */
export function replySubject(subject: string, prefix: string): string {
  const trimmed = subject.trim();
  return REPLY_PREFIX.test(trimmed) ? trimmed : `${prefix} ${trimmed}`.trim();
}

/**
 * The addressing of a mail answering a request: in its thread, to whoever asked (the sender, or
 * the Reply-To of a web form's mail) and nobody else but the salesperson in copy; never to an
 * address found only in the mail's text, which anyone can write there.
 */
export function answering(request: RequestHeaders, prefix: string, cc: EmailAddress | null): Pick<CustomerMail, 'to' | 'cc' | 'subject' | 'inReplyTo' | 'references'> & { firstName: string | null } {
  const to = requesterOf(request);
  if (!to) throw new Error('the request has no sender to reply to');
  const name = to.name.trim();
  return {
    to,
    cc: cc && cc.address.toLowerCase() !== to.address.toLowerCase() ? [cc] : [],
    subject: replySubject(request.subject, prefix),
    inReplyTo: request.messageId,
    references: [...request.references, ...(request.messageId ? [request.messageId] : [])].filter((id, i, all) => all.indexOf(id) === i),
    firstName: PERSON_NAME.test(name) ? name.split(/\s+/)[0]! : null,
  };
}

/** Paragraphs and a signature, as text and as HTML with every value escaped. */
export function bodyOf(paragraphs: string[], signature: string[]): Pick<CustomerMail, 'text' | 'html'> {
  const lines = signature.filter((line) => line.length > 0);
  return {
    text: [...paragraphs, lines.join('\n')].join('\n\n'),
    html: html`<div>${paragraphs.map((p) => html`<p style="white-space:pre-wrap">${p}</p>`)}<p>${lines.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p></div>`.html,
  };
}
