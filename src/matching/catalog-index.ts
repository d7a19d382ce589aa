import type { Product } from '../domain/product.js';
import { sizeValue, termsOf } from './terms.js';
import { toCatalogWords } from './trade-vocabulary.js';
import { wordSimilarity } from './word-similarity.js';

export interface ScoredProduct {
  product: Product;
  score: number;
}

interface Entry {
  product: Product;
  /** Words of the name and the extra name. */
  words: string[];
  /** Words of the name itself; a name word the request does not mention costs a little. */
  nameWords: string[];
  /** Sizes in the name: they tell one product of a family from the next. */
  sizes: string[];
  /** Numbers in the extra name ("PN25", "300/500 V"): they describe rather than identify. */
  details: string[];
}

/** A number the customer wrote that the product does not have is almost always another size. */
const MISSING_NUMBER_FACTOR = 0.25;
/** The same number written without its letters ("M8" as "8"): probably the same size. */
const UNTAGGED_NUMBER_FACTOR = 0.9;
const EXTRA_NUMBER_FACTOR = 0.97;
const EXTRA_WORD_FACTOR = 0.97;

/** In-memory search over product names: exact words first, stems and compounds next. */
export class CatalogIndex {
  private readonly entries: Entry[] = [];
  private readonly byWord = new Map<string, number[]>();

  static async build(products: AsyncIterable<Product>): Promise<CatalogIndex> {
    const index = new CatalogIndex();
    for await (const product of products) index.add(product);
    return index;
  }

  get size(): number {
    return this.entries.length;
  }

  add(product: Product): void {
    const id = this.entries.length;
    const name = termsOf(product.name);
    const extra = termsOf(product.extraName ?? '');
    const words = [...name.words, ...extra.words];
    this.entries.push({ product, words, nameWords: name.words, sizes: name.numbers, details: extra.numbers });
    for (const word of new Set(words)) {
      const ids = this.byWord.get(word);
      if (ids) ids.push(id);
      else this.byWord.set(word, [id]);
    }
  }

  search(text: string, limit: number): ScoredProduct[] {
    const query = termsOf(toCatalogWords(text));
    const known = query.words
      .map((word) => ({ word, similar: this.similarWords(word) }))
      .filter((q) => q.similar.length > 0);
    if (known.length === 0) return [];
    const candidates = new Set(known.flatMap((q) => q.similar.flatMap((w) => this.byWord.get(w) ?? [])));
    return [...candidates]
      .map((id) => this.entries[id]!)
      .map((entry) => ({ product: entry.product, score: score(known.map((q) => q.word), query.numbers, entry) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.product.name.length - b.product.name.length)
      .slice(0, limit);
  }

  /** Words of the catalog's vocabulary that a requested word can stand for; none means a filler word. */
  private similarWords(word: string): string[] {
    if (this.byWord.has(word)) return [word];
    return [...this.byWord.keys()].filter((w) => wordSimilarity(word, w) > 0);
  }
}

/** 1 when the product has the size, less when it has it only without the letters, 0.25 when not. */
function sizeAgreement(size: string, sizes: string[]): number {
  if (sizes.includes(size)) return 1;
  const value = sizeValue(size);
  const untagged = sizes.some((p) => sizeValue(p) === value && (p === value || size === value));
  return untagged ? UNTAGGED_NUMBER_FACTOR : MISSING_NUMBER_FACTOR;
}

function score(words: string[], numbers: string[], entry: Entry): number {
  const wordScore = words.reduce((sum, q) => sum + Math.max(0, ...entry.words.map((p) => wordSimilarity(q, p))), 0) / words.length;
  const agreements = numbers.map((n) => sizeAgreement(n, entry.sizes));
  const found = agreements.filter((a) => a > MISSING_NUMBER_FACTOR).length;
  const extraNumbers = Math.max(0, entry.sizes.length - found);
  // Once the name's sizes are all asked for, numbers repeated from the extra name are just description.
  const described = extraNumbers === 0 ? agreements.map((a, i) => (entry.details.some((d) => sizeValue(d) === sizeValue(numbers[i]!)) ? 1 : a)) : agreements;
  const extraWords = entry.nameWords.filter((p) => !words.some((q) => wordSimilarity(q, p) > 0)).length;
  return described.reduce((total, a) => total * a, wordScore) * EXTRA_NUMBER_FACTOR ** extraNumbers * EXTRA_WORD_FACTOR ** extraWords;
}
