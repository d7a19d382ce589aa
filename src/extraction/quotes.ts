/**
 * Where an earlier message starts inside a reply or a forward, as mail programs write it:
 * Outlook's header blocks (fi, sv, en, da/no; plain, "*From:*" bold as HTML turned into text,
 * after a rule), "-----Original Message-----" lines, Gmail's and Apple Mail's "On … wrote:"
 * (wrapped over up to three lines, in fi, sv and en), and ">"-quoted lines.
 */

/** What separator lines say, in fi, sv, en and da/no. */
const ORIGINAL_PHRASES = 'original message|alkuperäinen viesti|ursprungligt meddelande|oprindelig meddelelse|opprinnelig melding';
const FORWARD_PHRASES = 'forwarded message|välitetty viesti|vidarebefordrat meddelande|videresendt meddelelse|videresendt melding';
const BEGIN_FORWARD = String.raw`^(?:begin forwarded message|välitetty viesti alkaa|vidarebefordrat meddelande börjar)\s*:?\s*$`;

/** Lines only a forward writes (a reply quotes, a forward hands the message on). */
export const FORWARD_MARKER = new RegExp(String.raw`^[-\s]*(?:${FORWARD_PHRASES})[-\s]*$|${BEGIN_FORWARD}`, 'i');
/** Outlook writes this over replies and forwards alike; it means a forward only under an FW subject. */
export const ORIGINAL_MARKER = new RegExp(String.raw`^-{2,}\s*(?:${ORIGINAL_PHRASES})\s*-{2,}\s*$`, 'i');
/** Any separator line, however its dashes, underscores or equals signs are drawn. */
const SEPARATOR = new RegExp(String.raw`^[-_=\s]*(?:${ORIGINAL_PHRASES}|${FORWARD_PHRASES})[-_=\s]*$|${BEGIN_FORWARD}`, 'i');
/** A rule Outlook draws over the quoted message's headers. */
const RULE = /^[_-]{8,}\s*$/;

/** Header names of a quoted or forwarded message, optionally in bold ("*From:*"). */
const HEADER = /^[>\s]*\*?(from|lähettäjä|från|fra|von|sent|date|päivämäärä|päiväys|lähetetty|skickat|sendt|datum|dato|to|vastaanottaja|till|til|cc|kopio|kopi|subject|aihe|ämne|emne|betreff|reply-to)\s*\*?\s*:/i;

export interface HeaderLine {
  name: string;
  value: string;
}

/**
 * "From: Matti <matti@x.fi>", also ">"-quoted or bold, as its lower-case name and its value. The
 * value is the rest of the line after the colon, taken as it is: a pattern ending in `\s*(.*)$`
 * would try every split of a long run of spaces.
 */
export function headerOf(line: string): HeaderLine | null {
  const m = HEADER.exec(line);
  return m ? { name: m[1]!.toLowerCase(), value: line.slice(m[0].length).replace(/^\*/, '').trim() } : null;
}

export function headerName(line: string): string | null {
  return headerOf(line)?.name ?? null;
}

export const SENDER_HEADERS = new Set(['from', 'lähettäjä', 'från', 'fra', 'von']);
export const SUBJECT_HEADERS = new Set(['subject', 'aihe', 'ämne', 'emne', 'betreff']);

/**
 * A header block: a sender header with an address, or one followed within a few lines by
 * another header. A line that starts with "From:" in the customer's own text ("From: our Vantaa
 * site we need …") is none.
 */
function isHeaderBlock(lines: string[], at: number): boolean {
  const name = headerName(lines[at]!);
  if (name === null || !(SENDER_HEADERS.has(name) || name === 'date' || name === 'sent')) return false;
  if (SENDER_HEADERS.has(name) && /@/.test(lines[at]!)) return true;
  return lines
    .slice(at + 1, at + 5)
    .map(headerName)
    .some((n) => n !== null && n !== name);
}

/** "On … wrote:", "… kirjoitti:", "… skrev …:", "… kirjoitti 24.11.2026 klo 8.02:", with or without the colon. */
const ATTRIBUTION_END = /(?:\b(?:wrote|kirjoitti|skrev|schrieb)\s*:?|\b(?:wrote|kirjoitti|skrev|schrieb)\s.{1,120}:|a écrit\s*:?)\s*$/i;
/** An attribution names when or who: a time, a year or an address. */
const ATTRIBUTION_DETAIL = /\d{1,2}[:.]\d{2}|\b20\d\d\b|@/;
/** How a wrapped attribution begins: "On", "Den", a weekday ("ti", "tis", "Tue"), a date. */
const ATTRIBUTION_OPENER = /^(?:on|den|am|le|ma|ti|ke|to|pe|la|su|mån|tis|ons|tors|fre|lör|sön|mon|tue|wed|thu|fri|sat|sun)\b|^\d{1,2}[./ ]/i;

/** How many lines (1 to 3) an attribution at `at` takes, or 0. */
function attributionLength(lines: string[], at: number): number {
  const first = lines[at]!.trim();
  for (let length = 1; length <= 3 && at + length <= lines.length; length += 1) {
    if (length > 1 && (!ATTRIBUTION_OPENER.test(first) || lines[at + length - 1]!.trim() === '')) return 0;
    const joined = lines
      .slice(at, at + length)
      .map((l) => l.trim())
      .join(' ');
    if (joined.length > 300) return 0;
    if (ATTRIBUTION_END.test(joined) && ATTRIBUTION_DETAIL.test(joined)) return length;
  }
  return 0;
}

export const isQuoted = (line: string) => line.trimStart().startsWith('>');

export type QuoteStart =
  /** An attribution line or lines: what follows is ">"-quoted, and text after that is new again. */
  | { kind: 'attribution'; length: number }
  /** A separator or a header block: everything from here is the earlier message. */
  | { kind: 'earlier' };

export function quoteStartAt(lines: string[], at: number): QuoteStart | null {
  const line = lines[at]!.trim();
  if (SEPARATOR.test(line)) return { kind: 'earlier' };
  if (RULE.test(line) && lines.slice(at + 1, at + 3).some((l) => headerName(l) !== null)) return { kind: 'earlier' };
  if (isHeaderBlock(lines, at)) return { kind: 'earlier' };
  const length = attributionLength(lines, at);
  return length > 0 ? { kind: 'attribution', length } : null;
}

/**
 * The lines the sender wrote now: everything before the earlier message, and text written below
 * or between ">"-quoted parts. An attribution whose quote is not ">"-quoted starts the earlier
 * message, as Outlook writes it, like a separator.
 */
export function ownLines(lines: string[]): string[] {
  const own: string[] = [];
  for (let at = 0; at < lines.length; ) {
    if (isQuoted(lines[at]!)) {
      at += 1;
      continue;
    }
    const start = quoteStartAt(lines, at);
    if (start?.kind === 'earlier') break;
    if (start?.kind === 'attribution') {
      let next = at + start.length;
      while (next < lines.length && lines[next]!.trim() === '') next += 1;
      if (next < lines.length && !isQuoted(lines[next]!)) break;
      at = next;
      continue;
    }
    own.push(lines[at]!);
    at += 1;
  }
  return own;
}

/**
 * The sender's own earlier message, quoted under an attribution that names their address ("ons
 * 4 nov. 2026 kl. 20:42 skrev Jonas Ek <jonas@…>:"): a customer adding to yesterday's list
 * means the list and the additions. Its ">" taken off one level; null when there is none.
 */
export function ownQuotedMessage(lines: string[], senderAddress: string): string | null {
  const address = senderAddress.toLowerCase();
  for (let at = 0; at < lines.length; at += 1) {
    if (isQuoted(lines[at]!)) continue;
    const length = attributionLength(lines, at);
    if (length === 0) continue;
    if (!lines.slice(at, at + length).join(' ').toLowerCase().includes(address)) return null;
    let next = at + length;
    while (next < lines.length && lines[next]!.trim() === '') next += 1;
    const quoted: string[] = [];
    for (; next < lines.length && isQuoted(lines[next]!); next += 1) quoted.push(lines[next]!.replace(/^\s*> ?/, ''));
    return quoted.length ? quoted.join('\n') : null;
  }
  return null;
}
