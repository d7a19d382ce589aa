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
const HEADER_LINE = /^(from|lähettäjä|från|von|sent|date|päivämäärä|lähetetty|skickat|datum|to|vastaanottaja|till|cc|kopio|subject|aihe|ämne|betreff)\s*:\s*(.*)$/i;
const FROM_NAMES = new Set(['from', 'lähettäjä', 'från', 'von']);
const SUBJECT_NAMES = new Set(['subject', 'aihe', 'ämne', 'betreff']);

/** "Matti <matti@x.fi>", "Matti [mailto:matti@x.fi]", "matti@x.fi", "Matti (matti@x.fi)". */
export function addressIn(text: string): EmailAddress | null {
  const address = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  if (!address) return null;
  const name = text
    .slice(0, text.indexOf(address))
    .replace(/[<[(]\s*(?:mailto:)?\s*$/i, '')
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
    const m = HEADER_LINE.exec(line.trim());
    return ORIGINAL_MARKER.test(line.trim()) || (m !== null && FROM_NAMES.has(m[1]!.toLowerCase()));
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
    const m = HEADER_LINE.exec(lines[at]!.trim());
    if (!m) break;
    const name = m[1]!.toLowerCase();
    if (FROM_NAMES.has(name)) from = addressIn(m[2]!);
    if (SUBJECT_NAMES.has(name)) forwardedSubject = m[2]!.trim();
  }
  return { from, subject: forwardedSubject, text: lines.slice(at).join('\n').trim() };
}
