import he from 'he';
import { simpleParser, type AddressObject } from 'mailparser';
import { automatedBy } from './automated.js';
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

export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const text = typeof mail.html === 'string' && /<table/i.test(mail.html) ? htmlToText(mail.html) : (mail.text ?? (mail.html ? htmlToText(mail.html) : ''));
  return {
    messageId: mail.messageId ?? null,
    subject: mail.subject ?? '',
    date: mail.date?.toISOString() ?? null,
    from: addresses(mail.from)[0] ?? null,
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    text: text.replace(/\r\n/g, '\n'),
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '(unnamed)', contentType: a.contentType, size: a.size })),
    automated: automatedBy(mail.headerLines),
  };
}
