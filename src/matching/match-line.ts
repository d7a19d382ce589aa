import type { LineMatch, MatchCandidate } from '../domain/line-match.js';
import type { Product } from '../domain/product.js';
import type { Provenance } from '../domain/provenance.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { CatalogIndex, ScoredProduct } from './catalog-index.js';
import { chooseAmongNearDuplicates, misfitsUnit, type Choice } from './near-duplicates.js';
import { fold, termsOf } from './terms.js';
import { toCatalogWords } from './trade-vocabulary.js';

const ALTERNATIVES = 3;

export interface MatchSources {
  index: CatalogIndex;
  /** The ERP's own code lookup, for products added since the index last refreshed. */
  findByCode(code: string): Promise<Product[]>;
  /** The product a customer's own part number stands for, for that customer. */
  customerCode(code: string): Promise<FromMemory | null>;
  /** The brands the seller offers first in a product group, when the request names none. */
  preferredBrands(group: string | null): readonly string[];
  /** What a salesperson taught for these words: sure for this customer, a little less for another. */
  learned(line: RequestedLine): Promise<(FromMemory & { confidence: number }) | null>;
}

/** A product remembered for a customer's words or code; who taught it, when a person did. */
export interface FromMemory {
  product: Product;
  learnedFrom: Provenance | null;
}

function taught(learnedFrom: Provenance | null): Pick<LineMatch, 'learnedFrom'> {
  return learnedFrom ? { learnedFrom } : {};
}

/**
 * Confidence is the match score, lowered when the runner-up is nearly as good: two equally
 * fitting products mean the request does not say which one, and a person has to choose.
 */
export function confidenceOf(ranked: ScoredProduct[]): number {
  const [top, second] = ranked;
  if (!top) return 0;
  const gap = second ? (top.score - second.score) / top.score : 1;
  return Number((top.score * Math.min(1, 0.5 + 2.5 * gap)).toFixed(3));
}

function candidate(s: ScoredProduct, confidence: number): MatchCandidate {
  return { sku: s.product.sku, name: s.product.name, confidence };
}

/** A candidate other than the one offered, at half its score: a hint for the salesperson, not a match. */
function runnerUp(s: ScoredProduct): MatchCandidate {
  return candidate(s, Number((s.score * 0.5).toFixed(3)));
}

function sameName(a: string, b: string): boolean {
  const plain = (text: string) => fold(text).replace(/[\s-]+/g, ' ').trim();
  return plain(a) === plain(b);
}

function chosenMatch(choice: Choice, ranked: ScoredProduct[]): LineMatch {
  const others = ranked.filter((s) => s !== choice.chosen).map(runnerUp);
  return { product: choice.chosen.product, confidence: Number(choice.chosen.score.toFixed(3)), method: 'name', note: choice.note, alternatives: others };
}

/**
 * The words and grades ("a4") of a mail's lines, as the catalog says them, with how many lines
 * say each: what the customer said for the whole request. `besides(i)` leaves line i's own out;
 * each line's terms are read once, however many lines ask.
 */
export function mailWords(lines: readonly RequestedLine[]): { besides(at: number): Map<string, number> } {
  const perLine = lines.map((line) => {
    const terms = termsOf(toCatalogWords(line.description));
    return new Set([...terms.words, ...terms.numbers]);
  });
  const all = new Map<string, number>();
  for (const terms of perLine) for (const term of terms) all.set(term, (all.get(term) ?? 0) + 1);
  return {
    besides(at) {
      const counts = new Map(all);
      for (const term of perLine[at] ?? []) {
        const left = counts.get(term)! - 1;
        if (left > 0) counts.set(term, left);
        else counts.delete(term);
      }
      return counts;
    },
  };
}

export async function matchLine(line: RequestedLine, sources: MatchSources, threshold: number, mailWords: ReadonlyMap<string, number> = new Map()): Promise<LineMatch> {
  if (line.code) {
    const theirs = await sources.customerCode(line.code);
    if (theirs) return { product: theirs.product, confidence: 1, method: 'code', note: `the customer's own code ${line.code}`, ...taught(theirs.learnedFrom), alternatives: [] };
    const indexed = sources.index.findByCode(line.code);
    const byCode = indexed.length > 0 ? indexed : await sources.findByCode(line.code);
    if (byCode.length === 1) return { product: byCode[0]!, confidence: 1, method: 'code', alternatives: [] };
  }
  const learned = await sources.learned(line);
  if (learned) return { product: learned.product, confidence: learned.confidence, method: 'learned', ...taught(learned.learnedFrom), alternatives: [] };
  const ranked = sources.index.search(line.description, ALTERNATIVES + 1);
  const confidence = confidenceOf(ranked);
  const best = ranked[0];
  if (!best) return { product: null, confidence: 0, method: 'none', alternatives: [] };
  const named = ranked.filter((s) => sameName(s.product.name, line.description));
  const top = named.length === 1 ? { found: named[0]!, confidence: 1 } : { found: best, confidence };
  // Not sure, or sure of one not sold in the unit asked for while a sibling is ("2 rll" of the cable on coils).
  if (top.confidence < threshold || misfitsUnit(top.found.product, line.unit)) {
    const choice = chooseAmongNearDuplicates(line.description, ranked, { unit: line.unit, per: line.per, preferredBrands: sources.preferredBrands, mailWords });
    if (choice && choice.chosen.score >= threshold && (choice.chosen !== top.found || top.confidence < threshold)) return chosenMatch(choice, ranked);
  }
  if (named.length === 1) {
    return { product: named[0]!.product, confidence: 1, method: 'name', alternatives: ranked.filter((s) => s !== named[0]).map(runnerUp) };
  }
  const alternatives = ranked.map((s, i) => (i === 0 ? candidate(s, confidence) : runnerUp(s)));
  return confidence >= threshold
    ? { product: best.product, confidence, method: 'name', alternatives: alternatives.slice(1) }
    : { product: null, confidence, method: 'name', alternatives };
}
