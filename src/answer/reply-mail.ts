import type { EmailAddress, ParsedEmail } from '../email/parsed-email.js';
import { requesterOf } from '../email/requester.js';
import { html } from '../web/html.js';
import type { OfferDocument } from './offer-document.js';
import { offerNumbersIn } from './offer-numbers.js';
import { REPLY_TEXTS } from './reply-texts.js';

/** What a reply needs of the customer's request: its threading headers and its sender. */
export type RequestHeaders = Pick<ParsedEmail, 'messageId' | 'references' | 'subject' | 'from' | 'replyTo'>;

export interface ReplyMail {
  messageId: string;
  from: EmailAddress;
  to: EmailAddress;
  cc: EmailAddress[];
  subject: string;
  inReplyTo: string | null;
  references: string[];
  text: string;
  html: string;
  attachment: { filename: string; contentType: 'application/pdf'; content: Buffer };
}

export interface ReplyInput {
  request: RequestHeaders;
  document: OfferDocument;
  pdf: Buffer;
  /** The salesperson, or the shared mailbox, by the mailbox's setting. */
  from: EmailAddress;
  /** The salesperson in copy, when the setting asks for it. */
  cc: EmailAddress | null;
  /** Made once per run and kept with it, so a retried send can be recognised. */
  messageId: string;
}

const REPLY_PREFIX = /^\s*(re|sv|vs|aw|antw)\s*:/i;
/** A display name that reads as a person's ("Matti Virtanen"), whose first word the greeting can use; a company's is not. */
const PERSON_NAME = /^\p{Lu}[\p{Ll}'-]+(?:\s\p{Lu}[\p{Ll}'-]+){1,2}$/u;

/** "Re: <the request's subject>", not "Re: Re: …". */
export function replySubject(subject: string, prefix: string): string {
  const trimmed = subject.trim();
  return REPLY_PREFIX.test(trimmed) ? trimmed : `${prefix} ${trimmed}`.trim();
}

/**
 * The reply to a request, carrying the offer. It goes to whoever asked (the sender, or the
 * Reply-To of a web form's mail) and nobody else but the salesperson in copy: never to an
 * address found only in the mail's text, which anyone can write there.
 */
export function replyMail(input: ReplyInput): ReplyMail {
  const { request, document } = input;
  const to = requesterOf(request);
  if (!to) throw new Error('the request has no sender to reply to');
  const texts = REPLY_TEXTS[document.language];
  const numbers = offerNumbersIn(document.language);
  const firstName = PERSON_NAME.test(to.name.trim()) ? to.name.trim().split(/\s+/)[0]! : null;
  const paragraphs = [
    texts.greeting(firstName),
    texts.offerAttached(document.number, numbers.date(document.validUntil)),
    texts.total(numbers.money(document.gross), document.currency),
    texts.questions,
  ];
  const signature = [texts.closing, input.from.name, document.letterhead.name].filter((line) => line.length > 0);
  return {
    messageId: input.messageId,
    from: input.from,
    to,
    cc: input.cc && input.cc.address.toLowerCase() !== to.address.toLowerCase() ? [input.cc] : [],
    subject: replySubject(request.subject, texts.replyPrefix),
    inReplyTo: request.messageId,
    references: [...request.references, ...(request.messageId ? [request.messageId] : [])].filter((id, i, all) => all.indexOf(id) === i),
    text: [...paragraphs, signature.join('\n')].join('\n\n'),
    html: html`<div>${paragraphs.map((p) => html`<p>${p}</p>`)}<p>${signature.map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</p></div>`.html,
    attachment: { filename: texts.fileName(document.number.replace(/[^\w.-]+/g, '_')), contentType: 'application/pdf', content: input.pdf },
  };
}
