import type { EmailAddress } from '../email/parsed-email.js';
import { answering, bodyOf, type CustomerMail, type RequestHeaders } from './customer-mail.js';
import type { DocumentLanguage } from './document-language.js';
import type { LineQuestion } from './line-question.js';
import { QUESTION_TEXTS } from './question-texts.js';
import { REPLY_TEXTS } from './reply-texts.js';

export interface QuestionMailInput {
  request: RequestHeaders;
  questions: LineQuestion[];
  language: DocumentLanguage;
  from: EmailAddress;
  cc: EmailAddress | null;
  sellerName: string;
  messageId: string;
}

/** Several questions in one mail, in the request's thread: the customer answers them all by replying. */
export function questionMail(input: QuestionMailInput): CustomerMail {
  const texts = QUESTION_TEXTS[input.language];
  const { firstName, ...addressing } = answering(input.request, REPLY_TEXTS[input.language].replyPrefix, input.cc);
  const paragraphs = [REPLY_TEXTS[input.language].greeting(firstName), texts.intro, ...input.questions.map((q) => q.text), texts.howToAnswer];
  return { messageId: input.messageId, from: input.from, ...addressing, ...bodyOf(paragraphs, [texts.closing, input.from.name, input.sellerName]), attachments: [] };
}
