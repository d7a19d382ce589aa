import { withSameWords } from './same-words.js';

/** What a product name or a requested line says, reduced to comparable words and sizes. */
export interface Terms {
  words: string[];
  /**
   * Sizes: canonical numbers ("1.0" → "1") with the letters glued to them ("M8" → "m8",
   * "1,5S" → "1.5s", "C16" → "c16"); inch sizes carry a mark ('1.25"').
   */
  numbers: string[];
}

/**
 * Numbers are read only from their first digit (and a size's letters from their first letter, or
 * none right after another size): tried from every digit of a long number, or every letter of a
 * long word, each try would scan the rest of it again. A match found further in would have been
 * found, longer, from the first digit or letter. A mixed number's whole part is one digit
 * ("1 1/4\""), so that "kulma 90 1/2\"" is a 90° elbow of 1/2", not one of 90½".
 */
const INCH = /(?:(?<![a-z\d.])(\d)[\s-]+)?(?<!\d)(\d+)\/(\d+)\s*(?:"|''|”|tuumaa?)|(?<!\d)(\d+(?:\.\d+)?)\s*(?:"|''|”|tuumaa?)/g;
/**
 * Inch sizes as fittings are written without the mark: a fraction of halves to eighths ("1/2
 * sk", "16x2.2 x 3/4"), or a whole number right before a thread ("1 sksk"). "15/9 mm" is no inch.
 */
const BARE_INCH = /(?:(?<![a-z\d.])([1-4])[\s-]+)?(?<![\d./])([1357])\/([248])(?![\d/])|(?<![a-z\d.x/])([1-4])(?=\s?(?:sk|uk)(?:sk|uk)?(?![a-z]))/g;
const SIZE = /((?:(?<![a-z])[a-z]+)?)(\d+(?:\.\d+)?)([a-z]*)/g;
/**
 * "25-28 mm": the pipes a clamp fits, "8-25 l" the vessels a bracket holds: one size that covers
 * those between.
 */
const SIZE_RANGE = /(?<![\d.x-])(\d{1,3})\s?-\s?(\d{1,3})\s?(mm|l)(?![a-z\d²])/g;
/** The widest range read as one: beyond it, two numbers joined by a dash are two sizes. */
const WIDEST_RANGE: Record<string, number> = { mm: 20, l: 100 };
const RANGE_TOKEN = /^(\d+)-(\d+)(mm|l)$/;

export interface SizeRange {
  low: number;
  high: number;
  unit: string;
}

/** What a range size covers ("25-28mm": 25 to 28 mm), or null for any other size. */
export function rangeOf(size: string): SizeRange | null {
  const m = RANGE_TOKEN.exec(size);
  return m ? { low: Number(m[1]), high: Number(m[2]), unit: m[3]! } : null;
}

/** The sizes a request may write for what a range covers: "28" and "28mm", "18l", each whole number between. */
export function sizesWithin({ low, high, unit }: SizeRange): string[] {
  return Array.from({ length: high - low + 1 }, (_, i) => (unit === 'mm' ? [`${low + i}`, `${low + i}mm`] : [`${low + i}${unit}`])).flat();
}

/** Whether a plain size ("28", "28mm", "18l") lies in a range of its unit; a bare number may be millimetres. */
export function inRange(size: string, range: SizeRange | null): boolean {
  const m = /^(\d+(?:\.\d+)?)(mm|l)?$/.exec(size);
  if (!range || !m || (m[2] ?? 'mm') !== range.unit) return false;
  return Number(m[1]) >= range.low && Number(m[1]) <= range.high;
}

/** Units of measure say nothing about which product is meant; the number next to them does. */
const UNIT_WORDS = new Set(['mm', 'cm', 'kpl', 'pcs', 'st', 'stk']);
/** Words that never name a product, in the three languages: a request's "for the", "or equivalent", "med". */
const FILLER_WORDS = new Set([
  'for', 'the', 'of', 'with', 'and', 'or', 'to', 'in', 'on', 'an', 'at', 'by', 'per', 'each', 'equivalent', 'similar', 'please',
  'also', 'need', 'we', 'our', 'would', 'could', 'like', 'quote', 'offer', 'price', 'prices',
  'och', 'med', 'till', 'av', 'pa', 'som', 'eller', 'motsvarande', 'ca', 'ett', 'aven', 'ocksa', 'behover', 'vill', 'kan', 'pris', 'offert',
  'ja', 'tai', 'seka', 'varten', 'vastaava', 'kuin', 'noin', 'tms', 'jos', 'niin', 'myos', 'lisaksi', 'viela', 'etta', 'loytyy', 'kanssa',
  'tarvitaan', 'tarvitsemme', 'tarvitsisin', 'tarjous', 'hinta', 'putkelle',
]);

/** Lower case, Nordic letters typed either way, decimal comma, "sk/sk" and "sk-uk" as one word. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äåá]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/×/g, 'x')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/([a-z])\/([a-z])/g, '$1$2')
    .replace(/(?<![a-z])(sk|uk)-(sk|uk)(?![a-z])/g, '$1$2');
}

/** The bare number of a size token: "m8" → "8", '1.25"' stays as it is. */
export function sizeValue(size: string): string {
  return size.replace(/^[a-z]+/, '').replace(/(?<![a-z])[a-z]+$/, '');
}

/**
 * "DIN 125" and "DIN125", "DN 20" and "DN20", "36 W" and "36W", "40 A" and "40A" are written both ways: as one
 * size token each. The space is matched from a digit only, so that a long run of spaces is
 * never tried from each of its spaces.
 */
const STANDARD_NUMBER = /(?<![a-z])(din|iso|en|sfs|dn)[ ](?=\d)/g;
const STANDARD_SIZE = /^(?:din|iso|en|sfs)\d/;

/** Whether a size token is a standard ("din976"): what a part is made to, not one of its dimensions. */
export function isStandard(size: string): boolean {
  return STANDARD_SIZE.test(size);
}
/** "tyyppi A", "type B", "typ AC": a type's letters would be lost as words of one letter. */
const TYPE_LETTERS = /(?<![a-z])(?:tyyppi|type|typ)[ ]([a-z]{1,2})(?![a-z])/g;
/** Poles and gangs as each language writes them, one size token each: "1-napainen", "1-nap.", "1-pol", "1P" are "1p"; "2-os.", "2-vägs", "2-gang" are "2os". */
const POLES = /(?<![a-z\d])(\d)\s?-?\s?(?:napainen|napaiset|napaista|nap\.?|poliga|polig|poles|pole|pol|p)(?![a-z])/g;
/** A pole with the neutral ("1+N", "1P+N", "3-nap.+N") is another device than one pole alone: "1pn". */
const POLES_NEUTRAL = /(?<![a-z\d])(\d)\s?(?:-?\s?(?:napainen|nap\.?|pol|p))?\s?\+\s?n(?![a-z])/g;
/**
 * Switches by the number the trade gives them: "Kytkin 6 (vaihto)" is a "vaihtokytkin", as
 * one brand names it and a customer writes it; 1 is one-pole, 5 a series, 7 an intermediate.
 */
const SWITCH_NUMBER = /(?<![a-z])kytkin \(?([1567])\)?(?: \(?(?:yksinapainen|vaihto|sarja|risti)\)?)?(?![a-z\d])/g;
const SWITCH_BY_NUMBER: Record<string, string> = { 1: '1p kytkin', 5: 'sarjakytkin', 6: 'vaihtokytkin', 7: 'ristikytkin' };
const POLE_WORDS = /(?<![a-z])(?:(yksi|en|single)|(kaksi|tva|two|double)|(kolmi|tre|three)|(neli|fyr|four))[ -]?(?:napainen|polig[a]?|pole)(?![a-z])/g;
const GANGS = /(?<![a-z\d])(\d)\s?-?\s?(?:osainen|os\.?|vags|gang)(?![a-z])/g;
/** A cable's cross-section is its size: "4mm2", "4 mm²" and the catalog's "MK 4" are one. */
const CROSS_SECTION = /(\d)\s?mm(?:2|²)(?![\d])/g;
/** Conductors, one size token each: "3-johtiminen", "3-wire", "3-ledare" are "3j". */
const CONDUCTORS = /(?<![a-z\d])(\d)\s?-?\s?(?:johtiminen|johtimiselle|wires?|conductors?|ledare)(?![a-z])/g;
const NUMBER_UNIT = /(\d)[ ](w|kw|v|a|ma|ka|k|bar|m|l)(?![a-z\d])/g;
/** A volume however it is written: "18 l", "18L", "18 litraa", "18 litres" are one size. */
const LITRES = /(\d)\s?(?:litraa|litran|litra|litres|litre|liters|liter)(?![a-z])/g;

/** Stainless grades by their AISI number, as the catalog's A2 and A4: "AISI316", "AISI 316L", "A316". */
const AISI_GRADE = /(?<![a-z\d])(?:aisi\s?|a)(316|304)l?(?![a-z\d])/g;

/** "22 mm pipe, 13 mm wall": an insulation's pipe and wall, as its catalog name writes them ("22x13"). */
const PIPE_AND_WALL = /(\d+)\s?mm (?:pipe|putkelle|ror),? (\d+)\s?mm (?:wall|seinama|vagg|isolering)(?![a-z])/g;

/** Letters glued to a number ("DIN976", "10kA", "IP44") are part of that size, not a word of their own. */
const WORD = /(?<![a-z\d])[a-z]+(?![a-z\d])/g;

/** A tee written as its letter, in capitals: "Puristus-T", "Cu press T 22" (a one-letter word would be lost). */
const TEE = /(?<![\p{L}\d])T(?![\p{L}\d])/gu;

/** "NordPress": a brand made of a word, which is also read on its own ("press"). */
const CAMEL_CASE = /(?<![\p{L}])(\p{Lu}?\p{Ll}+)(\p{Lu}\p{Ll}{2,})(?![\p{L}])/gu;

/** Nominal pipe sizes and the thread sizes the trade gives them: a DN25 valve is a 1" valve. */
const INCHES_OF_DN = new Map([
  ['dn6', '0.125"'], ['dn8', '0.25"'], ['dn10', '0.375"'], ['dn15', '0.5"'], ['dn20', '0.75"'], ['dn25', '1"'], ['dn32', '1.25"'],
  ['dn40', '1.5"'], ['dn50', '2"'], ['dn65', '2.5"'], ['dn80', '3"'], ['dn100', '4"'],
]);
const DN_OF_INCHES = new Map([...INCHES_OF_DN].map(([dn, inches]) => [inches, dn]));
const METRES = /^(\d+(?:\.\d+)?)m$/;
const MILLIMETRES = /^(\d+(?:\.\d+)?)(?:mm)?$/;

/**
 * Other ways of writing one size: a length in metres and in millimetres (a "3 m" threaded rod
 * is the "M12x3000" one, "M8x1000" is "M8 1 m"), a pipe size as a DN and in inches. Worked
 * out once per requested size, not for every product compared.
 */
export function alikeSizes(size: string): string[] {
  const inches = INCHES_OF_DN.get(size) ?? DN_OF_INCHES.get(size);
  if (inches) return [inches];
  const metres = METRES.exec(size);
  if (metres) return [String(Number(metres[1]) * 1000), `${Number(metres[1]) * 1000}mm`];
  const millimetres = MILLIMETRES.exec(size);
  return millimetres && Number(millimetres[1]) >= 100 ? [`${Number(millimetres[1]) / 1000}m`] : [];
}

/**
 * Washers are named by their bolt ("M12") or by their holes and diameters ("13x24", DIN 125;
 * "13x37", DIN 9021): a washer's dimensions also say its bolt size.
 */
const WASHER = /aluslev|bricka|brickor|washer|skive/;
const BOLT_OF_WASHER = new Map([
  ['3.2x7', 'm3'], ['4.3x9', 'm4'], ['5.3x10', 'm5'], ['6.4x12', 'm6'], ['8.4x16', 'm8'], ['10.5x20', 'm10'], ['13x24', 'm12'],
  ['15x28', 'm14'], ['17x30', 'm16'], ['21x37', 'm20'], ['25x44', 'm24'], ['8.4x24', 'm8'], ['10.5x30', 'm10'], ['13x37', 'm12'], ['17x50', 'm16'],
]);
const DIMENSIONS = /(?<![\d.])(\d+(?:\.\d+)?)\s?x\s?(\d+)(?![\d.])/g;

function boltsOfWasher(folded: string): string[] {
  if (!WASHER.test(folded)) return [];
  return [...folded.matchAll(DIMENSIONS)].flatMap((m) => {
    const bolt = BOLT_OF_WASHER.get(`${Number(m[1])}x${m[2]}`);
    return bolt ? [bolt] : [];
  });
}

type Replacement = string | ((match: string, ...groups: (string | undefined)[]) => string);

/**
 * Sizes and words written several ways, each made one, in this order. A product name is read
 * a million times when the index is built, so each rewrite first asks a cheap question of the
 * text (most names have no poles, litres or conductors) before its pattern scans it.
 */
const SIZE_FORMS: [RegExp, RegExp, Replacement][] = [
  [/kytkin \(?[1567]/, SWITCH_NUMBER, (_m, number) => SWITCH_BY_NUMBER[number!]!],
  [/napai|polig|pole/, POLE_WORDS, (_m, one, two, three) => (one ? '1p' : two ? '2p' : three ? '3p' : '4p')],
  [/\+\s?n/, POLES_NEUTRAL, '$1pn'],
  [/\d\s?-?\s?(?:p|nap)/, POLES, '$1p'],
  [/os|vags|gang/, GANGS, '$1os'],
  [/lit/, LITRES, '$1l'],
  [/mm[2²]/, CROSS_SECTION, '$1'],
  [/johtimi|wire|conductor|ledare/, CONDUCTORS, '$1j'],
  [/(?:din|iso|en|sfs|dn) \d/, STANDARD_NUMBER, '$1'],
  [/mm (?:pipe|putkelle|ror)/, PIPE_AND_WALL, '$1x$2'],
  [/aisi|a3[01]/, AISI_GRADE, (_m, grade) => (grade === '316' ? 'a4' : 'a2')],
  [/\d /, NUMBER_UNIT, '$1$2'],
  [/ty/, TYPE_LETTERS, 'typ$1'],
];

/** "liiketunnistimella", "kytkimellä": a feature said as "with" it, an -in noun inflected. */
const WITH_IN_NOUN = /^([a-z]{4,})im[ei]lla$/;

/**
 * The -in noun a Finnish "with …" form stands for: "liiketunnistimella" is the
 * "liiketunnistin" a catalog name holds. The word is too far from it for a typo.
 */
function withoutComitative(word: string): string {
  return word.endsWith('lla') ? word.replace(WITH_IN_NOUN, '$1in') : word;
}

export function termsOf(text: string): Terms {
  const numbers: string[] = [];
  const inchSize = (match: string, whole?: string, num?: string, den?: string, plain?: string) => {
    const inches = plain !== undefined ? Number(plain) : Number(whole ?? 0) + Number(num) / Number(den);
    if (plain === undefined && Number(num) >= Number(den)) return match;
    numbers.push(`${inches}"`);
    return ' ';
  };
  const withoutInches = SIZE_FORMS.reduce(
    (folded, [hint, pattern, by]) => (!hint.test(folded) ? folded : typeof by === 'string' ? folded.replace(pattern, by) : folded.replace(pattern, by)),
    fold(text.replace(TEE, ' haara ').replace(CAMEL_CASE, '$1$2 $2')),
  )
    .replace(INCH, inchSize)
    .replace(BARE_INCH, inchSize)
    .replace(SIZE_RANGE, (match, low: string, high: string, unit: string) => {
      if (Number(low) >= Number(high) || Number(high) - Number(low) > WIDEST_RANGE[unit]!) return match;
      numbers.push(`${Number(low)}-${Number(high)}${unit}`);
      return ' ';
    });
  // "3x1.5", "m8x30", "600x600": the x only separates dimensions.
  const separated = withoutInches.replace(/(\d)x(?=\d)/g, '$1 ');
  for (const m of separated.matchAll(SIZE)) numbers.push(`${m[1]}${Number(m[2])}${m[3]}`);
  for (const bolt of boltsOfWasher(withoutInches)) if (!numbers.includes(bolt)) numbers.push(bolt);
  const words = withSameWords(
    (withoutInches.match(WORD) ?? []).filter((w) => w.length >= 2 && !UNIT_WORDS.has(w) && !FILLER_WORDS.has(w)).map(withoutComitative),
    numbers,
  );
  return { words, numbers };
}
