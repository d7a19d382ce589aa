import { conversionsInName } from '../../domain/sales-units.js';
import { normalizeUnit } from '../../domain/units.js';
import { QTY, UNIT } from './patterns.js';

/** What each of the requested units holds, as the customer wrote it: "2 rullaa à 100 m". */
export interface PerUnit {
  quantity: string;
  unit: string;
}

/** Units a pack holds: metres of pipe or cable, pieces, litres, kilos. */
const CONTENT_UNITS = new Set(['m', 'kpl', 'l', 'kg']);
/** Units that are packs of something. */
const PACK_UNITS = new Set(['rll', 'kela', 'ltk', 'pkt', 'tnk']);

/**
 * Each quantity starts where a number starts (not inside one), so that a long run of digits is
 * scanned once, not once from every digit of it.
 */
const NUMBER = String.raw`(?<![\d.,])${QTY}`;
/** "2 rullaa à 100 m", "3 kelaa á 500 m", "2 coils of 100 m", "4 rll x 100m", "5 tankoa 5 m". */
const PACKS_EACH = new RegExp(String.raw`${NUMBER}\s*${UNIT}\s*(?:[àá@*x×]|a|per|of|på|om)?\s*${NUMBER}\s*${UNIT}(?![\p{L}\d])`, 'iu');
/** "2 x 100 m rulla", "2 × 100 m coils", and without the pack word "2 x 100 m". */
const TIMES_EACH = new RegExp(String.raw`(?<![\p{L}\d.,])(\d{1,4})\s+[x×*]\s+${NUMBER}\s*${UNIT}(?:\s+${UNIT})?(?![\p{L}\d])`, 'iu');

/**
 * "1 drum halogen-free MMJ 3x1,5S (500 m)", "12 lengths … (2 m)", "Kan du ge pris på 2 rullar MK
 * 2,5 blå à 100 m": the packs first, what each holds at the end.
 */
const PACKS_FIRST = new RegExp(String.raw`(?<![\p{L}\d.,])(\d{1,4})\s*${UNIT}\s+(?=\S)`, 'iu');
const EACH_LAST = new RegExp(String.raw`\s(?:[x×*àá@]\s*)?${NUMBER}\s*${UNIT}$`, 'iu');

const unitOf = (written: string | undefined) => (written ? normalizeUnit(written.split('/')[0]!.trim()) : null);

/**
 * Takes "2 rullaa à 100 m" out of an item's text, leaving "2 rullaa" for the quantity rules
 * and keeping what each holds: read as a quantity, "à 100 m" would make the line 100 m, or the
 * count 2 would stand alone as 2 m.
 */
export function takePerUnit(text: string): { text: string; per: PerUnit | null } {
  const packs = PACKS_EACH.exec(text);
  if (packs && PACK_UNITS.has(unitOf(packs[2]) ?? '') && CONTENT_UNITS.has(unitOf(packs[4]) ?? '')) {
    return { text: replaced(text, packs, `${packs[1]} ${packs[2]}`), per: { quantity: packs[3]!, unit: unitOf(packs[4])! } };
  }
  const first = PACKS_FIRST.exec(text);
  const last = first && PACK_UNITS.has(unitOf(first[2]) ?? '') ? EACH_LAST.exec(text) : null;
  if (first && last && last.index > first.index + first[0].length && CONTENT_UNITS.has(unitOf(last[2]) ?? '')) {
    return { text: text.slice(0, last.index), per: { quantity: last[1]!, unit: unitOf(last[2])! } };
  }
  const times = TIMES_EACH.exec(text);
  if (times && CONTENT_UNITS.has(unitOf(times[3]) ?? '')) {
    const pack = unitOf(times[4]);
    if (times[4] && !PACK_UNITS.has(pack ?? '')) return { text, per: null };
    return { text: replaced(text, times, times[4] ? `${times[1]} ${times[4]}` : `x ${times[1]}`), per: { quantity: times[2]!, unit: unitOf(times[3])! } };
  }
  return { text, per: null };
}

/**
 * "100 kpl/ltk", "50 kpl pss", "200 st/fpk": how many pieces one pack holds, written into the
 * name of what is asked. A coil's metres ("100 m rll") stay: catalogs name coils by them.
 */
const CONTENT_PER_PACK = new RegExp(String.raw`(?<![\p{L}\d.,×/])(\d{1,5})\s?(kpl|st|stk|pcs)\.?\s?(?:\/\s?|per\s)?(ltk|laatikko|rasia|pkt|pss|pussi|fpk|box|pack|rll|rulla)\.?(?![\p{L}\d])`, 'iu');

/**
 * Takes a pack's content out of a description: as a size it would have to agree with some
 * product's number ("Kuusiomutteri Zn DIN934 (100 kpl/ltk)" is no M100 nut). It says what
 * each requested pack holds only when the customer asked in packs.
 */
export function takePackContent(description: string, unit: string | null): { description: string; per: PerUnit | null } {
  const m = CONTENT_PER_PACK.exec(description);
  if (!m) return { description, per: barLength(description, unit) };
  const rest = replaced(description, m, ' ').replace(/\s+/g, ' ').trim();
  const asked = unit === null ? null : normalizeUnit(unit);
  return { description: rest, per: asked && PACK_UNITS.has(asked) ? { quantity: m[1]!, unit: unitOf(m[2])! } : null };
}

/** "5 m längder", "5 m tankoina", "(5 m tanko)": how long each bar is, which the name keeps as its size too. */
const BAR_LENGTH = /(?<![\p{L}\d.,×/])(\d{1,2}(?:[.,]\d)?)\s?m\s?(?:tanko|tankoa|tankoina|tangot|längder|längd|lengths?|bars?)(?![\p{L}])/iu;
const BY_THE_BAR = new Set(['kpl', 'tnk']);

const REELS = new Set(['rll', 'kela']);

/** "200m rulla", "kieppi 25 m": what a coil the customer counts in pieces holds, read as a catalog name says it. */
function coilLength(description: string): PerUnit | null {
  const coil = conversionsInName({ name: description, extraName: null, unit: 'kpl' }).find((c) => REELS.has(c.unit) && c.of === 'm');
  return coil ? { quantity: coil.quantity, unit: 'm' } : null;
}

/**
 * What each bar or coil the customer counts holds, when they count bars or pieces: "sex st" of
 * "5 m längder" are 30 m, "1kpl" of a "200m rulla" is 200 m. Coils counted as coils the
 * product's own data converts.
 */
function barLength(description: string, unit: string | null): PerUnit | null {
  const asked = unit === null ? null : normalizeUnit(unit);
  const bar = asked === null || BY_THE_BAR.has(asked) ? BAR_LENGTH.exec(description) : null;
  if (bar) return { quantity: bar[1]!, unit: 'm' };
  return asked === 'kpl' ? coilLength(description) : null;
}

function replaced(text: string, match: RegExpExecArray, by: string): string {
  return `${text.slice(0, match.index)}${by}${text.slice(match.index + match[0].length)}`;
}
