import { Decimal } from 'decimal.js';
import { parseDecimal, type DecimalString } from './money.js';
import type { Product, UnitConversion } from './product.js';
import { normalizeUnit } from './units.js';

/** A unit as a code we compare: the seller's own code when we know its aliases, else as written. */
export function unitCode(unit: string): string {
  return normalizeUnit(unit.trim()) ?? unit.trim().toLowerCase();
}

const CONVERSION = /^\s*(\S+?)\s*=\s*(\d+(?:[.,]\d+)?)\s*(\S+)\s*$/;

/**
 * The `units` column: "rll=200 m|pkt=100 kpl". Null when a part cannot be read, so that an
 * import names the cell rather than dropping what it could not read.
 */
export function parseConversions(text: string): UnitConversion[] | null {
  const parts = text.split('|').filter((p) => p.trim());
  const conversions = parts.map((part) => {
    const m = CONVERSION.exec(part);
    const quantity = m && parseDecimal(m[2]!);
    return m && quantity && new Decimal(quantity).gt(0) ? { unit: unitCode(m[1]!), quantity, of: unitCode(m[3]!) } : null;
  });
  return conversions.every((c) => c !== null) ? conversions : null;
}

export function formatConversions(conversions: UnitConversion[]): string {
  return conversions.map((c) => `${c.unit}=${c.quantity} ${c.of}`).join('|');
}

/** Words a catalog uses for the pack a product comes in, by the unit they are. */
const PACK_WORDS: Record<string, string[]> = {
  rll: ['rulla', 'rullat', 'rullassa', 'rll', 'kieppi', 'kiepillä', 'kiepissä', 'coil', 'roll', 'rulle'],
  kela: ['kela', 'kelassa', 'reel', 'drum', 'trumma'],
  tnk: ['tanko', 'tangot', 'bar', 'bars', 'length', 'stång', 'längd'],
  pkt: ['pkt', 'paketti', 'pakkaus', 'pussi', 'pack', 'fpk', 'förp'],
  ltk: ['ltk', 'laatikko', 'rasia', 'box', 'ask', 'låda'],
};
const PACK_BY_WORD = new Map(Object.entries(PACK_WORDS).flatMap(([unit, words]) => words.map((w) => [w, unit] as const)));
const PACK = `(${[...PACK_BY_WORD.keys()].join('|')})`;
const CONTENT = String.raw`(\d+(?:[.,]\d+)?)\s?(m|kpl|st|pcs|l|kg)`;
/** "rulla 200 m", "kiepillä 25 m", "tanko 5 m"; "200 m rulla", "200 m coil"; "100 kpl/pkt". */
const PACK_THEN_CONTENT = new RegExp(String.raw`(?<![\p{L}])${PACK}\.?\s?(?:[àá]\s?)?${CONTENT}(?![\p{L}\d])`, 'iu');
const CONTENT_THEN_PACK = new RegExp(String.raw`(?<![\p{L}\d,.])${CONTENT}\s?(?:\/\s?)?${PACK}(?![\p{L}])`, 'iu');
/** "(100 kpl)", "à 10 kpl": what one pack holds, the pack not named. */
const BARE_CONTENT = new RegExp(String.raw`(?:\(|[àá]\s?)${CONTENT}\)?`, 'iu');

/** What the product's name and second line say about its pack: "PEX-putki 16x2,0 rulla 200 m". */
export function conversionsInName(product: Pick<Product, 'name' | 'extraName' | 'unit'>): UnitConversion[] {
  const text = `${product.name} ${product.extraName ?? ''}`;
  const sold = unitCode(product.unit);
  const named = PACK_THEN_CONTENT.exec(text);
  if (named) return [{ unit: PACK_BY_WORD.get(named[1]!.toLowerCase())!, quantity: parseDecimal(named[2]!)!, of: unitCode(named[3]!) }];
  const after = CONTENT_THEN_PACK.exec(text);
  if (after) return [{ unit: PACK_BY_WORD.get(after[3]!.toLowerCase())!, quantity: parseDecimal(after[1]!)!, of: unitCode(after[2]!) }];
  const bare = BARE_CONTENT.exec(text);
  if (!bare) return [];
  const content = { quantity: parseDecimal(bare[1]!)!, of: unitCode(bare[2]!) };
  // Sold per pack: the pack is the sales unit. Sold per piece: a box or a packet of them.
  if (content.of !== sold) return [{ unit: sold, ...content }];
  return [
    { unit: 'pkt', ...content },
    { unit: 'ltk', ...content },
  ];
}

/** The product's own conversions when its data has them, else what its name says. */
export function conversionsOf(product: Product): UnitConversion[] {
  const known = product.units.map((c) => ({ ...c, unit: unitCode(c.unit), of: unitCode(c.of) }));
  return known.length ? known : conversionsInName(product);
}

/** A requested quantity as the customer wrote it: "2 rll à 100 m" is 2 rll, each of 100 m. */
export interface AskedQuantity {
  quantity: DecimalString;
  unit: string | null;
  per: { quantity: DecimalString; unit: string } | null;
}

export interface SalesQuantity {
  /** In the product's sales unit. */
  quantity: DecimalString;
  /** How it was converted, for the salesperson: "2 rll × 100 m = 200 m"; null when nothing was. */
  shown: string | null;
  /** Why the salesperson must check it; null when the quantity is certain. */
  problem: string | null;
}

const plain = (value: Decimal.Value) => new Decimal(value).toFixed();

function findConversion(conversions: UnitConversion[], unit: string, of: string): UnitConversion | undefined {
  return conversions.find((c) => c.unit === unit && c.of === of);
}

/** `quantity` of `from` in `to`, by the product's conversions; null when none is known. */
function convert(quantity: DecimalString, from: string, to: string, conversions: UnitConversion[]): { value: Decimal; shown: string } | null {
  if (from === to) return { value: new Decimal(quantity), shown: `${plain(quantity)} ${to}` };
  const direct = findConversion(conversions, from, to);
  if (direct) {
    const value = new Decimal(quantity).times(direct.quantity);
    return { value, shown: `${plain(quantity)} ${from} × ${plain(direct.quantity)} ${to} = ${plain(value)} ${to}` };
  }
  const inverse = findConversion(conversions, to, from);
  if (inverse) {
    const value = new Decimal(quantity).dividedBy(inverse.quantity);
    return { value, shown: `${plain(quantity)} ${from} = ${plain(value.toDecimalPlaces(3))} ${to} of ${plain(inverse.quantity)} ${from}` };
  }
  return null;
}

const REELS = new Set(['rll', 'kela']);

/**
 * A coil and a drum are told apart where the catalog's data tells them apart; "3 kelaa" of a
 * cable sold per rll, with no drum of its own, are 3 of its rll, as the trade says both (its
 * name's "kela 100 m" describes the rll it is sold in).
 */
function sameReel(asked: string, sold: string, product: Product): boolean {
  return REELS.has(asked) && REELS.has(sold) && !product.units.some((c) => unitCode(c.unit) === asked);
}

/**
 * "1 kela" of a copper pipe that comes in a "kieppi 25 m" is that coil: a coil and a drum are
 * told apart where the product's data has both, as in `sameReel`.
 */
function asCatalogReel(unit: string, conversions: UnitConversion[]): string {
  if (!REELS.has(unit) || conversions.some((c) => c.unit === unit)) return unit;
  return conversions.find((c) => REELS.has(c.unit))?.unit ?? unit;
}

/** "Kampanaula 4,0x50 5 kg", "Kierretanko A4 M10 1 m": how much one piece is, when its name says it once. */
const PIECE_AMOUNT = /(?<![\p{L}\d,.x×/-])(\d+(?:[.,]\d+)?)\s?(m|l|kg)(?![\p{L}\d²³])/giu;

function pieceAmount(product: Product): { quantity: DecimalString; unit: string } | null {
  const found = [...product.name.matchAll(PIECE_AMOUNT)];
  return found.length === 1 ? { quantity: parseDecimal(found[0]![1]!)!, unit: unitCode(found[0]![2]!) } : null;
}

/**
 * Whether each of what was asked is one piece of a product sold per piece: "2 pakettia (5 kg)"
 * of the 5 kg packet of nails, "4 pkt" of it, "20 st à 1 m" of the 1 m rod.
 */
function eachIsOnePiece(asked: AskedQuantity, unit: string, sold: string, product: Product): boolean {
  const amount = sold === 'kpl' ? pieceAmount(product) : null;
  if (!amount) return false;
  if (!asked.per) return unit === 'pkt' && amount.unit !== 'm';
  return unitCode(asked.per.unit) === amount.unit && new Decimal(asked.per.quantity).equals(amount.quantity);
}

/** Units a product can be sold in parts of: a metre of cable, a litre, a kilo. */
const DIVISIBLE = new Set(['m', 'l', 'kg']);

/**
 * The requested quantity in the product's sales unit, as a careful salesperson reads it: "1
 * rulle" of a pipe sold per metre in 200 m coils is 200 m; 1,000 pieces of ties sold in packs
 * of 100 are 10 packs. A conversion that is not known, or packs that do not come out whole,
 * are for the salesperson to check, never guessed silently.
 */
export function toSalesUnits(asked: AskedQuantity, product: Product): SalesQuantity {
  const sold = unitCode(product.unit);
  const conversions = conversionsOf(product);
  const unit = asked.unit === null ? null : asCatalogReel(unitCode(asked.unit), conversions);
  if (unit !== null && eachIsOnePiece(asked, unit, sold, product)) return { quantity: asked.quantity, shown: null, problem: null };
  if (asked.per) {
    const total = new Decimal(asked.quantity).times(asked.per.quantity);
    const per = unitCode(asked.per.unit);
    const packs = [plain(asked.quantity), unit, '×', plain(asked.per.quantity), per].filter((part) => part !== null).join(' ');
    const known = unit && findConversion(conversions, unit, per);
    const mismatch = known && !new Decimal(known.quantity).equals(asked.per.quantity) ? `the customer asks for ${unit} of ${plain(asked.per.quantity)} ${per}; this product comes in ${unit} of ${plain(known.quantity)} ${per}` : null;
    return withinUnit(convert(plain(total), per, sold, conversions), packs, asked, sold, mismatch);
  }
  if (unit === null) return countWithoutUnit(asked.quantity, sold, conversions);
  // A bar of a pipe sold per piece is one piece ("54x2,0 - 2 bars").
  if (unit === sold || sameReel(unit, sold, product) || (unit === 'tnk' && sold === 'kpl')) return { quantity: asked.quantity, shown: null, problem: null };
  return withinUnit(convert(asked.quantity, unit, sold, conversions), null, asked, sold, null);
}

/**
 * A count with no unit, of a product sold in packs of pieces: "1000 cable ties" are pieces,
 * ten packs of 100; "5 cable ties" are five packs, as no one asks for five ties of a pack of a
 * hundred. A count of at least a pack that is not whole packs could be either, and is asked.
 */
function countWithoutUnit(quantity: DecimalString, sold: string, conversions: UnitConversion[]): SalesQuantity {
  const pack = findConversion(conversions, sold, 'kpl');
  const count = new Decimal(quantity);
  if (!pack || count.lessThan(pack.quantity)) return { quantity, shown: null, problem: null };
  const packs = count.dividedBy(pack.quantity);
  const shown = `${plain(count)} kpl = ${plain(packs.toDecimalPlaces(3))} ${sold} of ${plain(pack.quantity)} kpl`;
  if (packs.isInteger()) return { quantity: plain(packs), shown, problem: null };
  return { quantity, shown: null, problem: `no unit given: ${plain(count)} ${sold} assumed; if pieces are meant, that is ${shown}` };
}

function withinUnit(converted: { value: Decimal; shown: string } | null, packs: string | null, asked: AskedQuantity, sold: string, problem: string | null): SalesQuantity {
  const from = asked.per ? unitCode(asked.per.unit) : unitCode(asked.unit!);
  if (!converted) {
    return { quantity: asked.quantity, shown: null, problem: `asked in ${asked.per ? `${asked.unit ?? 'units'} of ${plain(asked.per.quantity)} ${from}` : from}, sold per ${sold}, and how many ${sold} that is is not known; ${plain(asked.quantity)} ${sold} assumed` };
  }
  const shown = packs ? `${packs} = ${converted.shown}` : converted.shown;
  if (converted.value.isInteger() || DIVISIBLE.has(sold)) return { quantity: plain(converted.value), shown, problem };
  const whole = converted.value.ceil();
  return { quantity: plain(whole), shown, problem: `${shown} is not a whole number of ${sold}; ${plain(whole)} ${sold} offered` };
}
