import { WORD_END as E, WORD_START as S } from '../word-bounds.js';
import { UNIT_PATTERN } from '../../domain/units.js';

/**
 * Quantities as people write them, turned into digits for the item rules: number words
 * ("kuusi kappaletta", "två rullar", "a dozen"), approximations ("noin 50", "ett par", "a
 * couple of") and ranges ("10–12 kpl"). The last two are read, but marked as not certain.
 */

const NUMBER_WORDS: Record<string, number> = {
  yksi: 1, kaksi: 2, kolme: 3, neljä: 4, viisi: 5, kuusi: 6, seitsemän: 7, kahdeksan: 8, yhdeksän: 9, kymmenen: 10,
  yksitoista: 11, kaksitoista: 12, kaksikymmentä: 20, kolmekymmentä: 30, neljäkymmentä: 40, viisikymmentä: 50, sata: 100, tusina: 12,
  två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50, hundra: 100, dussin: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

const UNIT_AHEAD = String.raw`(?=\s*(?:${UNIT_PATTERN})\.?${E})`;

/** "two-way", "three-phase": a number word joined to the next word is part of it, not a count. */
const WORDS = new RegExp(`${S}(?:an?\\s+)?(${Object.keys(NUMBER_WORDS).join('|')})${E}(?!-\\p{L})`, 'giu');
/** "en rulle", "ett paket": an article is a count only right before a unit. */
const ARTICLE_ONE = new RegExp(`${S}(?:en|ett)${UNIT_AHEAD}`, 'giu');
/** "pari rullaa", "parikymmentä metriä", "ett par rullar", "a couple of coils": about so many. */
const ABOUT_WORDS: [RegExp, string, string][] = [
  [new RegExp(`${S}parikymmentä${UNIT_AHEAD}`, 'giu'), '20', '20'],
  [new RegExp(`${S}(?:pari|parisen|ett par|a couple of|a couple)${UNIT_AHEAD}`, 'giu'), '2', '2'],
  // "ett par gängstänger M16 3 m": a couple of what the line names, counted first, as "2 x" is.
  [/^(?:ett par|a couple of)\s+(?=\p{L})/iu, '2', '2 x '],
];
/** "noin 50", "n. 50", "ca 50", "about 50": the number stays, marked. */
const ABOUT = new RegExp(`${S}(?:noin|n\\.|ca\\.?|c:a|cirka|suunnilleen|arviolta|likimain|about|approx\\.?|approximately|around|roughly|ungefär|runt)\\s?(?<![\\d.,])(\\d{1,6}(?:[.,]\\d+)?)`, 'giu');
/** "10–12 kpl", "10 to 12 pcs", "10 tai 12 kpl": the larger is taken, marked. */
const RANGE = new RegExp(String.raw`(?<![\p{L}\d.,–—-])(?<!(?:DIN|ISO|EN|SFS|SS|NS)\s?)(\d{1,6})\s?(?:[–—-]|\s(?:to|till|tai|eller|or)\s)\s?(\d{1,6})${UNIT_AHEAD}`, 'giu');

/** "3 dozen", "2 tusinaa": dozens counted, before "dozen" alone is read as 12. */
const DOZENS = new RegExp(String.raw`${S}(\d{1,3})\s+(?:dozen|dussin|tusinaa?)${E}`, 'giu');
/**
 * "1,000 cable ties", "2,500 pcs": English thousands. A Finnish or Swedish decimal comma never
 * has three decimals in a count, and read as one, "1,000 pcs" would silently be one piece. A
 * size keeps its comma ("12x1,000", "0,500 mm").
 */
const THOUSANDS = /(?<![\d.,x×/])(\d{1,3}(?:,\d{3})+)(?=\s+(?!mm|cm|["x×])\p{L})/giu;

/** A count that is not certain: why, quoting the customer, and the count read from it. */
export interface Doubt {
  reason: string;
  count: string;
  range: boolean;
}

export interface SpelledOut {
  line: string;
  doubts: Doubt[];
}

/** `ranges: false` leaves "8-25 l" as written: when no item counts it, it was a size, not a range of how many. */
export function spelledOut(line: string, { ranges = true } = {}): SpelledOut {
  const doubts: Doubt[] = [];
  const doubt = (kind: string, count: string, phrase: string) => doubts.push({ reason: `${kind} ("${phrase.trim()}")`, count, range: kind !== 'approximate' });
  let text = line
    .replace(THOUSANDS, (digits: string) => digits.replace(/,/g, ''))
    .replace(DOZENS, (_phrase, count: string) => String(Number(count) * 12));
  for (const [pattern, count, written] of ABOUT_WORDS) text = text.replace(pattern, (phrase) => (doubt('approximate', count, phrase), written));
  text = text.replace(ABOUT, (phrase, count: string) => (doubt('approximate', count, phrase), count));
  if (ranges) {
    text = text.replace(RANGE, (phrase, low: string, high: string) => {
      if (Number(low) >= Number(high)) return phrase;
      doubt('a range, the larger taken', high, phrase);
      return high;
    });
  }
  // "two 100 m coils" are two of 100 m: as digits side by side, "2 100 m" would read as 2,100 m.
  text = text.replace(ARTICLE_ONE, '1').replace(WORDS, (phrase: string, word: string, at: number, whole: string) => {
    const count = String(NUMBER_WORDS[word.toLowerCase()]);
    return /^\s+\d/.test(whole.slice(at + phrase.length)) ? `${count} x` : count;
  });
  return { line: text, doubts };
}
