import type { AttachmentText } from '../attachments/read-attachment.js';
import type { MailBudget } from '../domain/mail-budget.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { EmailAddress, ParsedEmail } from '../email/parsed-email.js';

/** What the workflow takes from a mail's bytes. */
export interface ReadMail {
  email: ParsedEmail;
  /** The sender (for web forms, the Reply-To they give). */
  requester: EmailAddress | null;
  /** The sender's own words: no quotes, no signature. */
  body: string;
  signature: string;
  /** The message the mail forwards, if it is a forward: who wrote it and what, split the same way. */
  forward: { from: EmailAddress | null; body: string; signature: string } | null;
  /** Why it is not a request for quotation, seen before its items are read; null when it may be one. */
  notAnRfq: string | null;
  /** Empty for a mail that is not a request: its attachments are not read. */
  attachmentTexts: AttachmentText[];
  /** Limits the mail went over, each naming the limit and what was left unread. */
  overLimits: string[];
}

/**
 * Reads mail: the CPU-heavy part of a run (MIME, HTML, PDF, spreadsheets, the line rules),
 * kept off the process's event loop and held to the mail's time budget. A mail over its
 * budget is stopped and fails as `mail_over_time_budget`.
 */
export interface MailReader {
  read(raw: Buffer, budget: MailBudget): Promise<ReadMail>;
  /** The requested lines of a text, by the rules; reading stops once past the line limit. */
  lines(text: string, budget: MailBudget): Promise<RequestedLine[]>;
  close(): Promise<void>;
}
