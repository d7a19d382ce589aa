import he from 'he';
import { simpleParser, type AddressObject } from 'mailparser';
import { automatedBy } from './automated.js';
import type { Attachment } from '../attachments/read-attachment.js';
import type { EmailAddress, ParsedEmail } from './parsed-email.js';

function addresses(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups
    .flatMap((g) => g.value)
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.toLowerCase(), name: a.name ?? '' }));
}

/**
 * Turns HTML mail into text that keeps table rows as lines and cells as tab-separated values.
 * Outlook wraps every cell in its own paragraph, so breaks inside a cell are flattened first.
 */
export function htmlToText(html: string): string {
  const structured = html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<pre\b[^>]*>([\s\S]*?)<\/pre>/gi, (_m, pre: string) => pre.replace(/\r?\n/g, '<br>'))
    .replace(/\s+/g, ' ')
    .replace(/<t([dh])\b[^>]*>([\s\S]*?)<\/t\1>/gi, (_m, _tag: string, cell: string) => `${cell.replace(/<\/?(p|div|br|span)\b[^>]*>/gi, ' ')}\t`)
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return he
    .decode(structured)
    .replace(/\u00a0/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/^ +/, '');
}

/** An email and its attachments' bytes; only the first is kept with the run. */
export interface EmailWithFiles {
  email: ParsedEmail;
  files: Attachment[];
}

/** A header row of a forwarded mail ("Aihe: | …") is not item data. */
function isDataRow(row: string): boolean {
  const cells = [...row.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
  return cells.filter(Boolean).length >= 2 && !/:\s*$/.test(cells[0] ?? '');
}

/** HTML is read instead of the plain part only for a real table, whose rows the plain part loses. */
function hasDataTable(html: string): boolean {
  return (html.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? []).filter(isDataRow).length >= 2;
}

function nameOf(attachment: { filename?: string; contentType: string }): string {
  return attachment.filename ?? `unnamed ${attachment.contentType} attachment`;
}

/** More MIME parts than this: a mail built to exhaust the parser, not read. */
export class TooManyParts extends Error {
  override name = 'TooManyParts';
}

/** `maxMimeParts`: mailsplit counts the parts as it goes (its `maxChildNodes`) and stops past it. */
export async function parseEmail(raw: Buffer, options: { maxMimeParts?: number } = {}): Promise<EmailWithFiles> {
  const parserOptions = { skipImageLinks: true, skipTextToHtml: true, maxChildNodes: options.maxMimeParts } as Parameters<typeof simpleParser>[1];
  const mail = await simpleParser(raw, parserOptions).catch((error: unknown) => {
    if (error instanceof Error && /Max allowed child nodes exceeded/.test(error.message)) throw new TooManyParts(error.message);
    throw error;
  });
  const html = typeof mail.html === 'string' ? mail.html : null;
  const text = html && (hasDataTable(html) || !mail.text) ? htmlToText(html) : (mail.text ?? '');
  const email: ParsedEmail = {
    messageId: mail.messageId ?? null,
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
  return { email, files };
}
