import { conversionsOf, unitCode } from '../domain/sales-units.js';
import type { ScoredProduct } from './catalog-index.js';
import { termsOf } from './terms.js';
import { toCatalogWords } from './trade-vocabulary.js';
import { commonPrefix, wordSimilarity } from './word-similarity.js';

/** Candidates this close to the best fit the request equally well; what sets them apart decides. */
const CLOSE = 0.9;

export interface Choice {
  chosen: ScoredProduct;
  /** Which rule chose it, for the salesperson: said on the line. */
  note: string;
}

/**
 * Whether the request may have said this word, inflected in any way: a wrong guess here would
 * choose the variant without a feature the customer did ask for ("liiketunnistimella" is the
 * one with the "liiketunnistin"), so anything sharing a long start counts.
 */
function mayHaveSaid(asked: string[], word: string): boolean {
  return asked.some((q) => wordSimilarity(q, word) > 0 || commonPrefix(q, word) >= Math.min(6, q.length, word.length));
}

/** What a product's name says that the request did not: its features, sizes and brand words. */
function unasked(name: string, asked: { words: string[]; numbers: string[] }): Set<string> {
  const terms = termsOf(name);
  const words = terms.words.filter((w) => !mayHaveSaid(asked.words, w));
  const numbers = terms.numbers.filter((n) => !asked.numbers.includes(n));
  return new Set([...words, ...numbers]);
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

/**
 * The brands in a catalog name, by their folded word: capitalised proper words after the first
 * ("Pallov. Aquaflux 1"", "NordPress Cu kulma"), as written.
 */
function brandWords(name: string): Map<string, string> {
  const words = name.split(/[^\p{L}]+/u).filter(Boolean);
  return new Map(
    words
      .slice(1)
      .filter((w) => /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?$/u.test(w) && w.length >= 4)
      .map((w) => [termsOf(w).words[0] ?? '', w] as const),
  );
}

/** Whether a product is sold in this unit, or in one it converts to: a coil of cable sold per metre "takes" coils. */
function takes(product: ScoredProduct['product'], unit: string): boolean {
  return unitCode(product.unit) === unit || conversionsOf(product).some((c) => c.unit === unit);
}

/**
 * Chooses among near-duplicates as a salesperson would. The only one sold in the unit the
 * customer asked in wins ("3 rll" of the cable that comes in coils, not the one on a drum). A
 * variant with everything the customer wrote and nothing more wins over those that add a
 * feature nobody asked for (a butterfly handle, a self-adhesive seam). Variants that differ
 * only by brand, when the customer named none, go to the cheaper one. Anything else that sets
 * them apart (a thread, a curve, a size) the customer did not say, and a person must choose: null.
 */
export function chooseAmongNearDuplicates(request: string, ranked: ScoredProduct[], askedUnit: string | null = null): Choice | null {
  const [top] = ranked;
  if (!top) return null;
  const close = ranked.filter((s) => s.score >= top.score * CLOSE);
  if (close.length < 2) return null;
  const unit = askedUnit === null ? null : unitCode(askedUnit);
  const inUnit = unit === null || unit === 'kpl' ? [] : close.filter((s) => takes(s.product, unit));
  if (inUnit.length === 1) return { chosen: inUnit[0]!, note: `the only one sold in ${unit}` };
  const asked = termsOf(toCatalogWords(request));
  const extras = close.map((s) => unasked(s.product.name, asked));
  const plainest = extras.findIndex((mine, i) => extras.every((other, j) => j === i || (isSubset(mine, other) && other.size > mine.size)));
  if (plainest >= 0) {
    const added = [...new Set(extras.flatMap((e, j) => (j === plainest ? [] : [...e].filter((x) => !extras[plainest]!.has(x)))))];
    return { chosen: close[plainest]!, note: `the only one without what was not asked for (${added.join(', ')})` };
  }
  const common = extras.reduce((shared, e) => new Set([...shared].filter((x) => e.has(x))));
  const differences = extras.map((e) => [...e].filter((x) => !common.has(x)));
  const brands = close.map((s, i) => (differences[i]!.length === 1 ? brandWords(s.product.name).get(differences[i]![0]!) : undefined));
  if (brands.some((b) => b === undefined)) return null;
  const cheapest = [...close].sort((a, b) => Number(a.product.listPrice) - Number(b.product.listPrice))[0]!;
  return { chosen: cheapest, note: `no brand named: the cheaper of ${brands.join(', ')}` };
}
