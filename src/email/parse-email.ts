import { simpleParser, type AddressObject } from 'mailparser';
import { automatedBy } from './automated.js';
import { hasDataTable, htmlToText } from './html-text.js';
import type { Attachment } from '../attachments/read-attachment.js';
import type { EmailAddress, ParsedEmail } from './parsed-email.js';

function addresses(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups
    .flatMap((g) => g.value)
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.toLowerCase(), name: a.name ?? '' }));
}

/** A part the HTML shows in place (`<img src="cid:…">`), by its Content-ID without the angle brackets. */
export interface InlinePart {
  contentId: string;
  contentType: string;
  content: Buffer;
}

/** An email and its attachments' bytes; only the first is kept with the run. */
export interface EmailWithFiles {
  email: ParsedEmail;
  files: Attachment[];
  /** The HTML part as sent, for showing the mail as the customer wrote it; null when it has none. */
  html: string | null;
  /** Also among `files`: mailparser lists inline parts with the attachments. */
  inline: InlinePart[];
}

const MAX_HTML_TO_CONVERT = 256 * 1024;

function nameOf(attachment: { filename?: string; contentType: string }): string {
  return attachment.filename ?? `unnamed ${attachment.contentType} attachment`;
}

/** More MIME parts than this: a mail built to exhaust the parser, not read. */
export class TooManyParts extends Error {
  override name = 'TooManyParts';
}

/**
 * `maxMimeParts`: mailsplit counts the parts as it goes (its `maxChildNodes`) and stops past it.
 * mailparser's own HTML-to-text (for mail with no plain part) slows down more than linearly past
 * a few hundred kilobytes: a larger HTML part is left to htmlToText, which reads it in linear time.
 */
export async function parseEmail(raw: Buffer, options: { maxMimeParts?: number } = {}): Promise<EmailWithFiles> {
  const parserOptions = {
    skipImageLinks: true,
    skipTextToHtml: true,
    maxHtmlLengthToParse: MAX_HTML_TO_CONVERT,
    maxChildNodes: options.maxMimeParts,
  } as Parameters<typeof simpleParser>[1];
  const mail = await simpleParser(raw, parserOptions).catch((error: unknown) => {
    if (error instanceof Error && /Max allowed child nodes exceeded/.test(error.message)) throw new TooManyParts(error.message);
    throw error;
  });
  const html = typeof mail.html === 'string' ? mail.html : null;
  // HTML is read instead of the plain part only for a real table, whose rows the plain part loses.
  const text = html && (hasDataTable(html) || !mail.text) ? htmlToText(html) : (mail.text ?? '');
  const email: ParsedEmail = {
    messageId: mail.messageId ?? null,
    inReplyTo: mail.inReplyTo ?? null,
    references: typeof mail.references === 'string' ? [mail.references] : (mail.references ?? []),
    subject: mail.subject ?? '',
    date: mail.date?.toISOString() ?? null,
    from: addresses(mail.from)[0] ?? null,
    replyTo: addresses(mail.replyTo)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    text: text.replace(/\r\n/g, '\n'),
    attachments: mail.attachments.map((a) => ({ filename: nameOf(a), contentType: a.contentType, size: a.size })),
    automated: automatedBy(mail.headerLines),
  };
  const files = mail.attachments.map((a) => ({ filename: nameOf(a), contentType: a.contentType, content: a.content }));
  const inline = mail.attachments.flatMap((a) => (a.cid ? [{ contentId: a.cid, contentType: a.contentType, content: a.content }] : []));
  return { email, files, html, inline };
}
