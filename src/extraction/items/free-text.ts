import { normalizeUnit } from '../../domain/units.js';
import { numberCodeIn } from './codes.js';
import { takePerUnit } from './pack-phrase.js';
import type { ParsedItem } from './parsed-item.js';
import { BARE_COUNT, MENTION, QTY, UNIT } from './patterns.js';

type Reading = Omit<ParsedItem, 'text' | 'code' | 'per'>;
/** A rule whose pattern matched may still decline, and the next rule is tried. */
type Rule = [RegExp, (m: RegExpExecArray) => Reading | null];

/** What may stand between a description and the quantity after it: "Putki - 6 kpl", "Rör: 10 st". */
const GAP = String.raw`[\s,:;–-]`;
/**
 * The description may end only where a gap starts, or one or two characters into it right after
 * "à"/"@" (which make the number a price, not a quantity): a description end tried at every dash
 * of a long run of dashes would scan the rest of the run each time.
 */
const GAP_START = String.raw`(?<=^${GAP}|[^\s,:;–-]|[àá@]${GAP}|[àá@]\s${GAP})`;
const END_QTY = new RegExp(String.raw`^(.+?)(?<![àá@]\s?)${GAP_START}${GAP}+(?:[x×]\s*)?${QTY}\s*${UNIT}$`, 'i');
/**
 * A quantity first, or after a few words of prose ("Tarvitsisin 5 kpl …"); words with a
 * number before it make it a size ("kierretanko M10 1m sinkitty").
 */
const START_QTY = new RegExp(String.raw`^(?:[^\d]*?\s)??${QTY}\s*${UNIT}\s+(.+)$`, 'i');
/** "Putket normaalisti 5 m tankoina", "in 6 m lengths": how long each bar is, not how many. */
const EACH_LENGTH_AFTER = /^(?:tankoina|tangoissa|rullina|rullissa|kieppeinä|längder|längderna|lengths|bars|coils)(?![\p{L}])/iu;
const UNIT_THEN_QTY_START = new RegExp(String.raw`^${UNIT}\s+${QTY}\s+(.+)$`, 'i');
const UNIT_THEN_QTY_END = new RegExp(String.raw`^(.+?)\s+${UNIT}\s+${QTY}(?:\s+\p{L}+)?$`, 'iu');
const TIMES_START = /^(\d+)\s*[x×]\s+(.+)$/i;
const TIMES_BEFORE = /^[x×]\s*(\d+)\s+(.+)$/i;
const TIMES_END = /^(.+?)\s+[x×]\s?(\d+)$/i;
/** "KG branch 110/110 45° - 4", "cable lug 95mm² M12, a dozen": a count after a spaced dash or a comma, with no unit, ends a list entry. */
const DASH_COUNT_END = /^(\S.*?)(?:\s[-–]|,)\s(\d{1,5})$/;
const QTY_ONLY = new RegExp(String.raw`^${GAP}*(?:[x×]\s*)?${QTY}\s*(?:[x×]|${UNIT})?$`, 'i');
const UNIT_QTY_ONLY = new RegExp(String.raw`^${UNIT}\s+${QTY}$`, 'i');
const BARE = /^(?:.*?\s)?(\d{1,4})\s+(\p{L}.*)$/u;
/**
 * "8 st (tekniska utrymmen)", "1 kpl, merkillä ei väliä": a few words after a count say where
 * or how, or are the product's own. They stay with the description, where the search weighs
 * them, so that a colour or a material written last is not lost. Only after a unit that counts
 * (pieces, packs, coils): a length or a volume may be a size in the name ("kierretanko M10 1m
 * sinkitty").
 */
const END_QTY_REMARK = new RegExp(String.raw`^(.+?)${GAP_START}${GAP}+${QTY}\s*${UNIT}(?:,\s?|\s)([^\d\s,]{1,30}(?:\s[^\d\s,]{1,30}){0,5})$`, 'iu');
/**
 * "1000 cable ties 4.8x290 black": a count that starts the line, before a name with a size in
 * it, with no unit. Without the size it would as well be prose ("2 weeks ago").
 */
const LEADING_COUNT = /^(\d{1,5})\s+(\p{L}{3}\D*\d.*)$/u;

const RULES: Rule[] = [
  // "10 x DIN rail 35 mm 1 m": a count written first is the quantity; what ends the line is a length.
  [TIMES_START, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null })],
  [END_QTY, (m) => ({ description: m[1]!, quantity: m[2]!, unit: m[3]! })],
  [UNIT_THEN_QTY_START, (m) => ({ description: m[3]!, quantity: m[2]!, unit: m[1]! })],
  [START_QTY, (m) => (isMeasure(m[2]!) && EACH_LENGTH_AFTER.test(m[3]!) ? null : { description: m[3]!, quantity: m[1]!, unit: m[2]! })],
  [UNIT_THEN_QTY_END, (m) => ({ description: m[1]!, quantity: m[3]!, unit: m[2]! })],
  [END_QTY_REMARK, (m) => (isMeasure(m[3]!) ? null : { description: `${m[1]!} ${m[4]!}`, quantity: m[2]!, unit: m[3]! })],
  [TIMES_BEFORE, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null })],
  [TIMES_END, (m) => ({ description: m[1]!, quantity: m[2]!, unit: null })],
  [DASH_COUNT_END, (m) => ({ description: m[1]!, quantity: m[2]!, unit: null })],
  [LEADING_COUNT, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null })],
  [QTY_ONLY, (m) => ({ description: '', quantity: m[1]!, unit: m[2] ?? null })],
  [UNIT_QTY_ONLY, (m) => ({ description: '', quantity: m[2]!, unit: m[1]! })],
];

/** A unit price at the end of an item ("10 m à 8,50 €", "@ 4,20 €/kpl") says nothing about what or how many. */
const PRICE_TAIL = /\s+(?:[àá@]\s*)?\d+(?:[.,]\d+)?\s*(?:€|eur(?:oa?)?)(?:\s*\/\s*\p{L}+)?$/iu;

/** Where a sentence listing several items may be cut: sentence ends, conjunctions, commas, wide gaps. */
const PIECE_BREAK = /(?<=[.!?;:])\s+|\s+(?:ja|sekä|och|samt|and|plus|\+|&)\s+|,\s+|\s{2,}/i;

const MEASURES = new Set(['m', 'l', 'kg']);
const isMeasure = (unit: string) => MEASURES.has(normalizeUnit(unit.split('/')[0]!.trim()) ?? '');

function read(text: string, rules: Rule[]): Reading | null {
  for (const [pattern, reading] of rules) {
    const m = pattern.exec(text);
    const found = m && reading(m);
    if (found) return found;
  }
  return null;
}

/**
 * One item written as text. A product number is taken out first, so that "1100088 x 6" is six
 * of 1100088, not the reverse. `bareCount` also reads "5 valves", which only a sentence that
 * lists several items makes safe ("Ryhmäkeskus 24 moduulia" alone is no count).
 */
function parseItem(text: string, bareCount = false): ParsedItem | null {
  const code = numberCodeIn(text);
  const { text: rest, per } = takePerUnit((code ? text.replace(code, ' ') : text).replace(/\s+/g, ' ').trim().replace(PRICE_TAIL, ''));
  const reading = read(rest, RULES) ?? (bareCount ? read(rest, [[BARE, (m) => ({ description: m[2]!, quantity: m[1]!, unit: null })]]) : null);
  return reading && { text, ...reading, code, per };
}

function hasQuantity(piece: string): boolean {
  return MENTION.test(piece) || BARE_COUNT.test(piece);
}

function isQuantityOnly(piece: string): boolean {
  return read(piece.trim(), RULES.slice(-2)) !== null;
}

/**
 * Cuts a sentence into its items: pieces with a quantity are items, a piece without one is the
 * description of a bare quantity after it ("Kupariputki 22x1,0 kova, 60 m") or else prose.
 */
function splitItems(line: string): string[] {
  const pieces = line.split(PIECE_BREAK).map((p) => p.trim()).filter(Boolean);
  if (pieces.filter((p) => MENTION.test(p)).length < 2) return [line];
  const items: string[] = [];
  let pending: string[] = [];
  for (const piece of pieces) {
    // A piece whose number is a size in the name ("kierretanko M10 1m sinkitty") describes the quantity after it.
    const item = hasQuantity(piece) && !isQuantityOnly(piece) && parseItem(piece, true) !== null;
    if (isQuantityOnly(piece)) items.push([...pending, piece].join(', '));
    else if (item) items.push(piece);
    else pending.push(piece);
    if (item || isQuantityOnly(piece)) pending = [];
  }
  return items;
}

/** The items of one line of free text: usually one, several when a sentence lists them. */
export function freeTextItems(line: string): ParsedItem[] {
  const pieces = splitItems(line);
  if (pieces.length === 1 && pieces[0] === line) {
    const item = parseItem(line);
    return item ? [item] : [];
  }
  return pieces.map((piece) => parseItem(piece, true)).filter((item): item is ParsedItem => item !== null);
}
