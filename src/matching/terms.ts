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
 * found, longer, from the first digit or letter.
 */
const INCH = /(?:(?<![a-z\d.])(\d+)[\s-]+)?(?<!\d)(\d+)\/(\d+)\s*(?:"|''|”|tuumaa?)|(?<!\d)(\d+(?:\.\d+)?)\s*(?:"|''|”|tuumaa?)/g;
const SIZE = /((?:(?<![a-z])[a-z]+)?)(\d+(?:\.\d+)?)([a-z]*)/g;
/** Units of measure say nothing about which product is meant; the number next to them does. */
const UNIT_WORDS = new Set(['mm', 'cm', 'kpl', 'pcs', 'st', 'stk']);

/**
 * Materials and finishes that catalogs and customers name in different words: one word each, on
 * both sides, so that a "sinkitty" nut is the "Zn" one and a "haponkestävä" bolt the "A4" one.
 * Folded spellings (ä as a, ö as o).
 */
const SAME_MATERIAL: [string, string[]][] = [
  ['zn', ['sinkitty', 'sinkitetty', 'sinkityt', 'sink', 'sahkosinkitty', 'forzinkad', 'forzinkade', 'elforzinkad', 'zinc', 'zinkki', 'galvanised', 'galvanized', 'galv', 'fzb']],
  ['hdg', ['kuumasinkitty', 'kuumasinkitetty', 'kuumasinkityt', 'kuumasink', 'varmforzinkad', 'varmforzinkade', 'vfz', 'tzn']],
  ['a4', ['haponkestava', 'haponkestavaa', 'syrafast', 'syrafasta']],
  ['rst', ['ruostumaton', 'ruostumattomasta', 'rostfri', 'rostfritt', 'rostfria', 'stainless', 'inox']],
  ['messinki', ['messinkia', 'massing', 'massings', 'brass']],
  ['hf', ['halogeeniton', 'halogenfri']],
];
const MATERIAL_OF = new Map([
  ...SAME_MATERIAL.flatMap(([word, others]) => others.map((o) => [o, word] as const)),
  // Two-word names, met as a word and the next one.
  ['halogen free', 'hf'],
  ['hot dip', 'hdg'],
  ['hot dipped', 'hdg'],
  ['acid proof', 'a4'],
]);
const PAIR_STARTS = new Set(['halogen', 'hot', 'acid']);
/** "a4" is a size token like "M8" (the catalog's "A4-70" is read so), not a word. */
const SIZE_LIKE = new Set(['a4']);

/**
 * Words with their material words made one: word by word, as a product name is read a million
 * times when the index is built, and a rewrite of the whole text would cost each one a copy.
 */
function withSameMaterials(words: string[], numbers: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const pair = PAIR_STARTS.has(words[i]!) && i + 1 < words.length ? MATERIAL_OF.get(`${words[i]} ${words[i + 1]}`) : undefined;
    const material = pair ?? MATERIAL_OF.get(words[i]!);
    if (pair) i += 1;
    // "hot-dip galvanised" is one finish, not HDG and Zn.
    if (pair === 'hdg' && MATERIAL_OF.get(words[i + 1] ?? '') === 'zn') i += 1;
    if (material && SIZE_LIKE.has(material)) numbers.push(material);
    else out.push(material ?? words[i]!);
  }
  return out;
}

/** Lower case, Nordic letters typed either way, decimal comma, "sk/sk" as one word. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äåá]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/é/g, 'e')
    .replace(/×/g, 'x')
    .replace(/(\d),(\d)/g, '$1.$2')
    .replace(/([a-z])\/([a-z])/g, '$1$2');
}

/** The bare number of a size token: "m8" → "8", '1.25"' stays as it is. */
export function sizeValue(size: string): string {
  return size.replace(/^[a-z]+/, '').replace(/(?<![a-z])[a-z]+$/, '');
}

/**
 * "DIN 125" and "DIN125", "36 W" and "36W", "40 A" and "40A" are written both ways: as one
 * size token each. The space is matched from a digit only, so that a long run of spaces is
 * never tried from each of its spaces.
 */
const STANDARD_NUMBER = /(?<![a-z])(din|iso|en|sfs)[ ](?=\d)/g;
/** "tyyppi A", "type B", "typ AC": a type's letters would be lost as words of one letter. */
const TYPE_LETTERS = /(?<![a-z])(?:tyyppi|type|typ)[ ]([a-z]{1,2})(?![a-z])/g;
const NUMBER_UNIT = /(\d)[ ](w|kw|v|a|ma|k|bar)(?![a-z\d])/g;

export function termsOf(text: string): Terms {
  const numbers: string[] = [];
  const withoutInches = fold(text).replace(STANDARD_NUMBER, '$1').replace(NUMBER_UNIT, '$1$2').replace(TYPE_LETTERS, 'typ$1').replace(INCH, (_m, whole?: string, num?: string, den?: string, plain?: string) => {
    const inches = plain !== undefined ? Number(plain) : Number(whole ?? 0) + Number(num) / Number(den);
    numbers.push(`${inches}"`);
    return ' ';
  });
  // "3x1.5", "m8x30", "600x600": the x only separates dimensions.
  const separated = withoutInches.replace(/(\d)x(?=\d)/g, '$1 ');
  for (const m of separated.matchAll(SIZE)) numbers.push(`${m[1]}${Number(m[2])}${m[3]}`);
  const words = withSameMaterials(
    withoutInches.split(/[^a-z]+/).filter((w) => w.length >= 2 && !UNIT_WORDS.has(w)),
    numbers,
  );
  return { words, numbers };
}
