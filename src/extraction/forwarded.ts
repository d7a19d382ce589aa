import type { EmailAddress } from '../email/parsed-email.js';
import { FORWARD_MARKER, headerOf, isQuoted, ORIGINAL_MARKER, quoteStartAt, SENDER_HEADERS, SUBJECT_HEADERS } from './quotes.js';

/** The message inside a forward: who originally asked, and what they wrote. */
export interface ForwardedMessage {
  from: EmailAddress | null;
  subject: string | null;
  text: string;
}

/** Forward prefixes only: Finnish Outlook's "VS:" is a reply (vastaus), its forward is "VL:". */
const FORWARD_SUBJECT = /^\s*(?:(?:fw|fwd|vl|vb|wg|tr)\s*:\s*)+/i;

/**
 * "Matti <matti@x.fi>", "Matti [mailto:matti@x.fi]", "matti@x.fi", "Matti (matti@x.fi)". An
 * address starts where its word does: tried from every letter of a long word, each try would
 * read the rest of the word again looking for an "@".
 */
export function addressIn(text: string): EmailAddress | null {
  const address = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  if (!address) return null;
  const name = text
    .slice(0, text.indexOf(address))
    .replace(/[<[(]\s*(?:mailto:\s*)?$/i, '')
    .replace(/["'*]/g, '')
    .trim();
  return { address: address.toLowerCase(), name };
}

/** Where the forwarded header block starts: after a forward marker, or the first header block of a mail whose subject says FW. */
function headerStart(lines: string[], subject: string): number {
  const marker = lines.findIndex((line) => FORWARD_MARKER.test(line.trim()));
  if (marker >= 0) return marker + 1;
  if (!FORWARD_SUBJECT.test(subject)) return -1;
  const first = lines.findIndex((line) => ORIGINAL_MARKER.test(line.trim()) || SENDER_HEADERS.has(headerOf(line.trim())?.name ?? ''));
  return first >= 0 && ORIGINAL_MARKER.test(lines[first]!.trim()) ? first + 1 : first;
}

/** One level of ">" off each line, when the forwarded message is quoted as a whole (Apple Mail). */
function unquoted(lines: string[]): string[] {
  if (!lines.filter((l) => l.trim()).every(isQuoted)) return lines;
  return lines.map((l) => l.replace(/^\s*> ?/, ''));
}

const blankOrBareQuote = (line: string) => line.replace(/^[\s>]*/, '') === '';

/**
 * A forward written as a reply: an "On … wrote" line over a ">"-quoted message, under an FW
 * subject ("Fw: bathroom parts", "my technician listed below").
 */
function quotedForward(lines: string[]): ForwardedMessage | null {
  for (let at = 0; at < lines.length; at += 1) {
    const start = quoteStartAt(lines, at);
    if (start?.kind !== 'attribution') continue;
    const attribution = lines.slice(at, at + start.length).join(' ');
    const quoted: string[] = [];
    for (let next = at + start.length; next < lines.length && (isQuoted(lines[next]!) || lines[next]!.trim() === ''); next += 1) quoted.push(lines[next]!);
    if (quoted.some(isQuoted)) return { from: addressIn(attribution), subject: null, text: unquoted(quoted.filter((l) => l.trim())).join('\n').trim() };
  }
  return null;
}

/**
 * Finds the message a forward carries. Only forwards count, not replies that quote an old
 * message: the asking customer of a forward is the original sender, of a reply the replier. A
 * header wrapped onto an indented next line (a long Subject) belongs to the header block.
 */
export function forwardedMessage(text: string, subject: string): ForwardedMessage | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let at = headerStart(lines, subject);
  if (at < 0) return FORWARD_SUBJECT.test(subject) ? quotedForward(lines) : null;
  while (at < lines.length && blankOrBareQuote(lines[at]!)) at += 1;
  let from: EmailAddress | null = null;
  let forwardedSubject: string | null = null;
  let last: string | null = null;
  for (; at < lines.length; at += 1) {
    const line = lines[at]!;
    const header = headerOf(line.trim());
    if (!header) {
      if (last !== null && /^[>\s]*\s\S/.test(line) && !blankOrBareQuote(line)) {
        if (SUBJECT_HEADERS.has(last)) forwardedSubject = `${forwardedSubject ?? ''} ${line.replace(/^[>\s]*/, '')}`.trim();
        continue;
      }
      break;
    }
    last = header.name;
    if (SENDER_HEADERS.has(header.name)) from = addressIn(header.value);
    if (SUBJECT_HEADERS.has(header.name)) forwardedSubject = header.value;
  }
  return { from, subject: forwardedSubject, text: unquoted(lines.slice(at)).join('\n').trim() };
}
