import type { Product } from '../domain/product.js';
import { termsOf, type Terms } from './terms.js';
import { wordSimilarity } from './word-similarity.js';

export interface ScoredProduct {
  product: Product;
  score: number;
}

interface Entry {
  product: Product;
  terms: Terms;
}

/** A number the customer wrote that the product does not have is almost always another size. */
const MISSING_NUMBER_FACTOR = 0.25;
const EXTRA_NUMBER_FACTOR = 0.97;

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
    const terms = termsOf(`${product.name} ${product.extraName ?? ''}`);
    this.entries.push({ product, terms });
    for (const word of new Set(terms.words)) {
      const ids = this.byWord.get(word);
      if (ids) ids.push(id);
      else this.byWord.set(word, [id]);
    }
  }

  search(text: string, limit: number): ScoredProduct[] {
    const query = termsOf(text);
    const known = query.words
      .map((word) => ({ word, similar: this.similarWords(word) }))
      .filter((q) => q.similar.length > 0);
    if (known.length === 0) return [];
    const candidates = new Set(known.flatMap((q) => q.similar.flatMap((w) => this.byWord.get(w) ?? [])));
    return [...candidates]
      .map((id) => this.entries[id]!)
      .map((entry) => ({ product: entry.product, score: score(known.map((q) => q.word), query.numbers, entry.terms) }))
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

function score(words: string[], numbers: string[], product: Terms): number {
  const wordScore = words.reduce((sum, q) => sum + Math.max(0, ...product.words.map((p) => wordSimilarity(q, p))), 0) / words.length;
  const missing = numbers.filter((n) => !product.numbers.includes(n)).length;
  const extra = Math.max(0, product.numbers.length - (numbers.length - missing));
  return wordScore * MISSING_NUMBER_FACTOR ** missing * EXTRA_NUMBER_FACTOR ** extra;
}
