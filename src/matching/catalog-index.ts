import { normalizeCode } from '../domain/product-code.js';
import type { Product } from '../domain/product.js';
import { CodeTable } from './code-table.js';
import { IntBuffer } from './int-buffer.js';
import { sizeValue, termsOf } from './terms.js';
import { toCatalogWords } from './trade-vocabulary.js';
import { Vocabulary } from './vocabulary.js';

export interface ScoredProduct {
  product: Product;
  score: number;
}

/** A number the customer wrote that the product does not have is almost always another size. */
const MISSING_NUMBER_FACTOR = 0.25;
/** The same number written without its letters ("M8" as "8"): probably the same size. */
const UNTAGGED_NUMBER_FACTOR = 0.9;
const EXTRA_NUMBER_FACTOR = 0.97;
const EXTRA_WORD_FACTOR = 0.97;
/** How many of the roughly ranked candidates are scored exactly. */
const RESCORED = 200;
/** A size in common counts for more than a word in common: it is what tells siblings apart. */
const SIZE_WEIGHT = 2;
/** Candidates to rank roughly: at least so many when the terms allow, at most so many when they narrow. */
const MIN_CANDIDATES = 300;
const MAX_CANDIDATES = 3_000;

interface QueryWord {
  similar: Map<number, number>;
  postings: number;
}

interface QuerySize {
  text: string;
  value: string;
  id: number | undefined;
}

/**
 * In-memory search over product names, for catalogs of a million products: words and sizes
 * are interned to ids and kept in flat typed arrays; a query first ranks candidates by the
 * words and sizes they share (rarest first), then scores the best few exactly: word
 * similarity, sizes that must agree, and a small cost for words and sizes the request did not
 * mention.
 */
/** A query word (with the catalog words it can stand for) or size, and the products holding it. */
interface Term {
  kind: 'word' | 'size';
  ids: Set<number>;
  lists: number[][];
  postings: number;
}

/** Candidate products; postings are in product order, so a single term's are sorted. */
interface Found {
  ids: number[];
  sorted: boolean;
}

/** Both ascending: a merge, or a gallop through the longer one when the other is much shorter. */
function intersectSorted(a: number[], b: number[]): number[] {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const result: number[] = [];
  let at = 0;
  for (const id of short) {
    let step = 1;
    while (at + step < long.length && long[at + step]! < id) step *= 2;
    let low = at;
    let high = Math.min(at + step, long.length - 1);
    while (low < high) {
      const middle = (low + high) >> 1;
      if (long[middle]! < id) low = middle + 1;
      else high = middle;
    }
    at = low;
    if (long[at] === id) result.push(id);
  }
  return result;
}

/** About how many words and sizes a product name has: the cost of checking one candidate. */
const TERMS_PER_PRODUCT = 8;

export class CatalogIndex {
  private readonly products: Product[] = [];
  /** Products replaced by a newer version: they stay in the arrays but are never found. */
  private readonly superseded = new Set<number>();
  private readonly vocabulary = new Vocabulary();
  private readonly sizes = new Vocabulary();
  /** Per product: its name's word ids, then its extra name's; its name's size ids, then its extra name's. */
  private readonly words = new IntBuffer();
  private readonly sizeIds = new IntBuffer();
  private readonly wordStart = new IntBuffer();
  private readonly nameWordEnd = new IntBuffer();
  private readonly sizeStart = new IntBuffer();
  private readonly nameSizeEnd = new IntBuffer();
  private readonly codes = new CodeTable((id) => {
    const { sku, ean, supplierCodes } = this.products[id]!;
    return [sku, ean ?? '', ...supplierCodes].map(normalizeCode);
  });
  private readonly wordPostings: number[][] = [];
  private readonly sizePostings: number[][] = [];
  /** Reused across queries: which products a set operation has seen, by generation. */
  private marks = new Uint32Array(0);
  private generation = 0;

  static async build(products: AsyncIterable<Product>): Promise<CatalogIndex> {
    const index = new CatalogIndex();
    for await (const product of products) index.add(product);
    return index;
  }

  /** Products that can be found: changed ones count once. */
  get size(): number {
    return this.products.length - this.superseded.size;
  }

  /**
   * A changed product: the version indexed before is superseded. Finding it scans the catalog,
   * which is fine for the few products a refresh brings and saves a million-entry map.
   */
  replace(product: Product): void {
    for (let id = this.products.length - 1; id >= 0; id -= 1) {
      if (this.products[id]!.sku === product.sku && !this.superseded.has(id)) {
        this.superseded.add(id);
        break;
      }
    }
    this.add(product);
  }

  add(product: Product): void {
    const id = this.products.length;
    this.products.push(product);
    const name = termsOf(product.name);
    const extra = termsOf(product.extraName ?? '');
    this.wordStart.push(this.words.length);
    this.addTerms(id, name.words, this.vocabulary, this.words, this.wordPostings);
    this.nameWordEnd.push(this.words.length);
    this.addTerms(id, extra.words, this.vocabulary, this.words, this.wordPostings);
    this.sizeStart.push(this.sizeIds.length);
    this.addTerms(id, name.numbers, this.sizes, this.sizeIds, this.sizePostings);
    this.nameSizeEnd.push(this.sizeIds.length);
    for (const detail of extra.numbers) this.sizeIds.push(this.sizes.intern(detail));
    this.codes.add();
  }

  /** Products whose sku, EAN or a supplier code is this one, ignoring case and separators. */
  findByCode(code: string): Product[] {
    return this.codes
      .find(code)
      .filter((id) => !this.superseded.has(id))
      .map((id) => this.products[id]!);
  }

  search(text: string, limit: number): ScoredProduct[] {
    const query = termsOf(toCatalogWords(text));
    const words = query.words.map((word) => this.queryWord(word)).filter((w) => w.similar.size > 0);
    if (words.length === 0) return [];
    const sizes = query.numbers.map((n) => ({ text: n, value: sizeValue(n), id: this.sizes.idOf(n) }));
    return this.candidates(words, sizes)
      .filter((id) => !this.superseded.has(id))
      .map((id) => ({ product: this.products[id]!, score: this.score(id, words, sizes) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.product.name.length - b.product.name.length)
      .slice(0, limit);
  }

  private addTerms(id: number, terms: string[], vocabulary: Vocabulary, into: IntBuffer, postings: number[][]): void {
    for (const term of terms) {
      const termId = vocabulary.intern(term);
      into.push(termId);
      const list = (postings[termId] ??= []);
      if (list[list.length - 1] !== id) list.push(id);
    }
  }

  private queryWord(word: string): QueryWord {
    const similar = this.vocabulary.similar(word);
    let postings = 0;
    for (const id of similar.keys()) postings += this.wordPostings[id]?.length ?? 0;
    return { similar, postings };
  }

  /**
   * Candidates: the products holding the query's rarest term, narrowed to those that also hold
   * the next rarest while enough remain, or widened by the next terms while too few. They are
   * ranked roughly by the words and sizes they share with the query, and only the best are
   * scored exactly.
   */
  private candidates(words: QueryWord[], sizes: QuerySize[]): number[] {
    const terms: Term[] = [
      ...sizes.flatMap((size) => (size.id === undefined ? [] : [this.term('size', [size.id])])),
      ...words.map((word) => this.term('word', [...word.similar.keys()])),
    ].sort((a, b) => a.postings - b.postings);
    if (this.marks.length < this.products.length) this.marks = new Uint32Array(this.products.length * 2);
    let found: Found = { ids: [], sorted: true };
    let next = 0;
    for (; next < terms.length && found.ids.length < MIN_CANDIDATES; next += 1) found = this.union(found, terms[next]!);
    for (; next < terms.length && found.ids.length > MAX_CANDIDATES; next += 1) {
      const narrowed = this.intersection(found, terms[next]!);
      if (narrowed.ids.length >= MIN_CANDIDATES) found = narrowed;
    }
    const rough = this.roughScorer(words, sizes);
    return found.ids
      .map((id) => ({ id, score: rough(id) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, RESCORED)
      .map((s) => s.id);
  }

  /** A fresh mark for each set operation, so the marks never need clearing. */
  private mark(): number {
    this.generation += 1;
    return this.generation;
  }

  private term(kind: Term['kind'], ids: number[]): Term {
    const postings = kind === 'size' ? this.sizePostings : this.wordPostings;
    const lists = ids.map((id) => postings[id] ?? []);
    return { kind, ids: new Set(ids), lists, postings: lists.reduce((sum, list) => sum + list.length, 0) };
  }

  private union(found: Found, term: Term): Found {
    if (found.ids.length === 0 && term.lists.length === 1) return { ids: term.lists[0]!, sorted: true };
    const mark = this.mark();
    for (const id of found.ids) this.marks[id] = mark;
    const result = [...found.ids];
    for (const list of term.lists) {
      for (const id of list) {
        if (this.marks[id] === mark) continue;
        this.marks[id] = mark;
        result.push(id);
      }
    }
    return { ids: result, sorted: false };
  }

  /**
   * Sorted lists meet by a merge that reads memory in order; otherwise it walks whichever is
   * shorter: the term's postings, or the candidates' own term lists.
   */
  private intersection(found: Found, term: Term): Found {
    if (found.sorted && term.lists.length === 1) return { ids: intersectSorted(found.ids, term.lists[0]!), sorted: true };
    if (found.ids.length * TERMS_PER_PRODUCT < term.postings) return { ids: found.ids.filter((id) => this.holds(id, term)), sorted: found.sorted };
    const mark = this.mark();
    for (const id of found.ids) this.marks[id] = mark;
    const taken = this.mark();
    const result: number[] = [];
    for (const list of term.lists) {
      for (const id of list) {
        if (this.marks[id] !== mark) continue;
        this.marks[id] = taken;
        result.push(id);
      }
    }
    return { ids: result, sorted: term.lists.length === 1 };
  }

  private holds(id: number, term: Term): boolean {
    const [data, start, end] =
      term.kind === 'size'
        ? [this.sizeIds, this.sizeStart.at(id), this.nameSizeEnd.at(id)]
        : [this.words, this.wordStart.at(id), id + 1 < this.products.length ? this.wordStart.at(id + 1) : this.words.length];
    for (let i = start; i < end; i += 1) if (term.ids.has(data.at(i))) return true;
    return false;
  }

  /** Shared words (by similarity) and shared sizes (weighted), from the product's own term lists. */
  private roughScorer(words: QueryWord[], sizes: QuerySize[]): (id: number) => number {
    const wordWeights = new Map<number, number>();
    for (const word of words) for (const [id, similarity] of word.similar) wordWeights.set(id, Math.max(wordWeights.get(id) ?? 0, similarity));
    const sizeIds = new Set(sizes.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    return (id) => {
      let score = 0;
      const wordEnd = id + 1 < this.products.length ? this.wordStart.at(id + 1) : this.words.length;
      for (let i = this.wordStart.at(id); i < wordEnd; i += 1) score += wordWeights.get(this.words.at(i)) ?? 0;
      for (let i = this.sizeStart.at(id); i < this.nameSizeEnd.at(id); i += 1) if (sizeIds.has(this.sizeIds.at(i))) score += SIZE_WEIGHT;
      return score;
    };
  }

  private score(id: number, words: QueryWord[], sizes: QuerySize[]): number {
    const wordStart = this.wordStart.at(id);
    const nameWordEnd = this.nameWordEnd.at(id);
    const wordEnd = id + 1 < this.products.length ? this.wordStart.at(id + 1) : this.words.length;
    let wordScore = 0;
    for (const word of words) {
      let best = 0;
      for (let i = wordStart; i < wordEnd; i += 1) best = Math.max(best, word.similar.get(this.words.at(i)) ?? 0);
      wordScore += best;
    }
    let extraWords = 0;
    for (let i = wordStart; i < nameWordEnd; i += 1) {
      const wordId = this.words.at(i);
      if (!words.some((w) => w.similar.has(wordId))) extraWords += 1;
    }
    const { agreements, extraNumbers } = this.sizeAgreements(id, sizes);
    const sizeFactor = agreements.reduce((total, a) => total * a, 1);
    return (wordScore / words.length) * sizeFactor * EXTRA_NUMBER_FACTOR ** extraNumbers * EXTRA_WORD_FACTOR ** extraWords;
  }

  /**
   * 1 for a size the product has, 0.9 for one it has only without the letters, 0.25 for one it
   * does not have. Once the name's sizes are all asked for, numbers repeated from the extra
   * name ("PN25", "300/500 V") are description, not a conflict.
   */
  private sizeAgreements(id: number, sizes: QuerySize[]): { agreements: number[]; extraNumbers: number } {
    const start = this.sizeStart.at(id);
    const nameEnd = this.nameSizeEnd.at(id);
    const end = id + 1 < this.products.length ? this.sizeStart.at(id + 1) : this.sizeIds.length;
    const name: string[] = [];
    const details: string[] = [];
    for (let i = start; i < end; i += 1) (i < nameEnd ? name : details).push(this.sizes.word(this.sizeIds.at(i)));
    const agreements = sizes.map((size) => {
      if (name.includes(size.text)) return 1;
      const untagged = name.some((p) => sizeValue(p) === size.value && (p === size.value || size.text === size.value));
      return untagged ? UNTAGGED_NUMBER_FACTOR : MISSING_NUMBER_FACTOR;
    });
    const found = agreements.filter((a) => a > MISSING_NUMBER_FACTOR).length;
    const extraNumbers = Math.max(0, name.length - found);
    if (extraNumbers > 0) return { agreements, extraNumbers };
    const described = agreements.map((a, i) => (details.some((d) => sizeValue(d) === sizes[i]!.value) ? 1 : a));
    return { agreements: described, extraNumbers };
  }
}
