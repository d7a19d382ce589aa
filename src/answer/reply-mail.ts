import type { EmailAddress } from '../email/parsed-email.js';
import { answering, bodyOf, type CustomerMail, type RequestHeaders } from './customer-mail.js';
import type { OfferDocument } from './offer-document.js';
import { offerNumbersIn } from './offer-numbers.js';
import { REPLY_TEXTS } from './reply-texts.js';

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

/** The reply that carries the offer to the customer who asked for it. */
export function replyMail(input: ReplyInput): CustomerMail {
  const { document } = input;
  const texts = REPLY_TEXTS[document.language];
  const numbers = offerNumbersIn(document.language);
  const { firstName, ...addressing } = answering(input.request, texts.replyPrefix, input.cc);
  const paragraphs = [
    texts.greeting(firstName),
    texts.offerAttached(document.number, numbers.date(document.validUntil)),
    texts.total(numbers.money(document.gross), document.currency),
    texts.questions,
  ];
  return {
    messageId: input.messageId,
    from: input.from,
    ...addressing,
    ...bodyOf(paragraphs, [texts.closing, input.from.name, document.letterhead.name]),
    attachments: [{ filename: texts.fileName(document.number.replace(/[^\w.-]+/g, '_')), contentType: 'application/pdf', content: input.pdf }],
  };
}
