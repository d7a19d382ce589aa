import type { RequestedLine } from '../domain/requested-line.js';
import { MENTION } from './items/patterns.js';
import { spelledOut } from './items/spelled-quantities.js';

/** A list entry by its look: a bullet or a number first, columns, or a count at the end (or a quantity with its unit anywhere). */
const LOOKS_LIKE_ENTRY = /^\s*(?:[-*•·]|\d{1,3}[.)])\s+\S|\t|(?<![\d.,:/-])\d{1,5}\s*(?:\p{L}{1,5}\.?)?\s*$/u;
/**
 * "Date: 10.11.2026", "RFQ no: 1187", "Phone\t+358 40 515 0923", a cover sheet's "Y-tunnus\t2912926-2":
 * a field of a form or a header, not an item; "Piha on KG 160:" introduces the items after it.
 */
const FIELD = /^\p{L}[\p{L} .]{0,30}:\s|^\p{L}[\p{L} .-]{0,30}\t[^\t]+$|:$|\+\d{3}|\d{2,4}[ -]\d{3}[ -]\d{3,4}/u;

/** Letters and digits only: a row split into items is read even where its pieces were retold ("40 kpl + mutterit niihin"). */
const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\d]/gu, '');

/** Read with its number words as digits: "cable lug 95mm² M12, a dozen" ends in a count too. */
function looksLikeEntry(row: string): boolean {
  return /\d/.test(row) && /\p{L}{3}/u.test(row) && (LOOKS_LIKE_ENTRY.test(row) || MENTION.test(row));
}

/**
 * Lines that stand among the items that were read and look like items themselves, but gave
 * none: a list whose entries are written in a way no rule knows. Every request line missed is
 * a line missing from the offer, so such a line sends the run to a person rather than away
 * as a complete offer.
 */
export function unreadListLines(text: string, lines: RequestedLine[]): string[] {
  const texts = lines.map((line) => bare(line.text)).filter(Boolean);
  // A sentence that lists several items gave each of them its own piece of the row.
  const isRead = (row: string) => {
    const written = bare(row);
    return texts.some((t) => written.includes(t));
  };
  const unread: string[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    const rows = block.split('\n').map((row) => row.trim()).filter(Boolean);
    if (!rows.some(isRead)) continue;
    unread.push(...rows.filter((row) => !isRead(row) && looksLikeEntry(spelledOut(row).line) && !FIELD.test(row)));
  }
  return unread;
}
