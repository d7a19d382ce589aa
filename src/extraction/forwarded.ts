import type { EmailAddress } from '../email/parsed-email.js';

/** The message inside a forward: who originally asked, and what they wrote. */
export interface ForwardedMessage {
  from: EmailAddress | null;
  subject: string | null;
  text: string;
}

/** Markers that only a forward writes (a reply quotes, a forward hands the message on). */
const FORWARD_MARKER = /^(?:-{2,}\s*(?:forwarded message|välitetty viesti|vidarebefordrat meddelande)\s*-{2,}|begin forwarded message:)\s*$/i;
/** Outlook writes this over replies and forwards alike; it means a forward only under an FW subject. */
const ORIGINAL_MARKER = /^-{2,}\s*(?:original message|alkuperäinen viesti|ursprungligt meddelande)\s*-{2,}\s*$/i;
const FORWARD_SUBJECT = /^\s*(?:(?:fw|fwd|vs|vl|vb|wg)\s*:\s*)+/i;
const HEADER_NAME = /^(from|lähettäjä|från|von|sent|date|päivämäärä|lähetetty|skickat|datum|to|vastaanottaja|till|cc|kopio|subject|aihe|ämne|betreff)\s*:/i;
const FROM_NAMES = new Set(['from', 'lähettäjä', 'från', 'von']);
const SUBJECT_NAMES = new Set(['subject', 'aihe', 'ämne', 'betreff']);

interface HeaderLine {
  name: string;
  value: string;
}

/**
 * "From: Matti <matti@x.fi>" as its lower-case name and its value. The value is the rest of the
 * line after the colon and the spaces, taken as it is: a pattern ending in `\s*(.*)$` tries
 * every split of a long run of spaces, and fails on each.
 */
function headerLine(line: string): HeaderLine | null {
  const m = HEADER_NAME.exec(line);
  if (!m) return null;
  const value = line.slice(m[0].length).trimStart();
  return /[\n\r\u2028\u2029]/.test(value) ? null : { name: m[1]!.toLowerCase(), value };
}

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
    .replace(/["']/g, '')
    .trim();
  return { address: address.toLowerCase(), name };
}

/** Where the forwarded header block starts: after a forward marker, or the first header block of a mail whose subject says FW. */
function headerStart(lines: string[], subject: string): number {
  const marker = lines.findIndex((line) => FORWARD_MARKER.test(line.trim()));
  if (marker >= 0) return marker + 1;
  if (!FORWARD_SUBJECT.test(subject)) return -1;
  const first = lines.findIndex((line) => {
    const header = headerLine(line.trim());
    return ORIGINAL_MARKER.test(line.trim()) || (header !== null && FROM_NAMES.has(header.name));
  });
  return first >= 0 && ORIGINAL_MARKER.test(lines[first]!.trim()) ? first + 1 : first;
}

/**
 * Finds the message a forward carries. Only forwards count, not replies that quote an old
 * message: the asking customer of a forward is the original sender, of a reply the replier.
 */
export function forwardedMessage(text: string, subject: string): ForwardedMessage | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let at = headerStart(lines, subject);
  if (at < 0) return null;
  while (at < lines.length && lines[at]!.trim() === '') at += 1;
  let from: EmailAddress | null = null;
  let forwardedSubject: string | null = null;
  for (; at < lines.length; at += 1) {
    const header = headerLine(lines[at]!.trim());
    if (!header) break;
    if (FROM_NAMES.has(header.name)) from = addressIn(header.value);
    if (SUBJECT_NAMES.has(header.name)) forwardedSubject = header.value.trim();
  }
  return { from, subject: forwardedSubject, text: lines.slice(at).join('\n').trim() };
}
