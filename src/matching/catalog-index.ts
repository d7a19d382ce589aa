import { normalizeCode } from '../domain/product-code.js';
import type { Product } from '../domain/product.js';
import type { CatalogTerms, TermKind } from './catalog-terms.js';
import { CodeTable, type CodeTableParts } from './code-table.js';
import { IntBuffer } from './int-buffer.js';
import { Postings, type PostingParts } from './postings.js';
import { ProductRecords, type LoadedRecords, type RecordParts } from './product-records.js';
import { COLOUR_WORDS } from './same-words.js';
import { alikeSizes, fold, inRange, isStandard, rangeOf, sizesWithin, sizeValue, termsOf, type SizeRange } from './terms.js';
import { toCatalogWords, withThreadEnds } from './trade-vocabulary.js';
import { Vocabulary } from './vocabulary.js';

export interface ScoredProduct {
  product: Product;
  score: number;
}

/** A number the customer wrote that the product does not have is almost always another size. */
const MISSING_NUMBER_FACTOR = 0.25;
/** A colour the customer wrote where the product has another ("blue" for the red one): another product. */
const OTHER_COLOUR_FACTOR = MISSING_NUMBER_FACTOR;
/** The same number written without its letters ("M8" as "8"): probably the same size. */
const UNTAGGED_NUMBER_FACTOR = 0.9;
/** A standard ("DIN 976") the customer names and the product's name states none of: a detail left out. */
const UNSTATED_STANDARD_FACTOR = 0.85;
const EXTRA_NUMBER_FACTOR = 0.97;
const EXTRA_WORD_FACTOR = 0.97;
/** How alike a product's word must be to a requested one to count as asked for: an inflection or a typo. */
const ASKED_SIMILARITY = 0.9;
/** The shortest request word read as a compound, and the shortest last word of one. */
const MIN_COMPOUND = 8;
/** Below this best score a search is tried again with the compounds of its words. */
const WEAK = 0.6;
/** A catalog word this like a request word is that word, typed or inflected: no compound to split. */
const SAME_WORD_SIMILARITY = 0.85;
const MIN_HEAD = 4;
/** "kup.putki", "pallov.": a word cut short with a dot, and what follows it when it ends a compound. */
const ABBREVIATION = /(?<![a-z])([a-z]{2,})\.(?:([a-z]{3,})(?![a-z]))?/g;
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
  /** Whether the word is a colour: a product of another colour is another product. */
  colour: boolean;
}

interface QuerySize {
  text: string;
  value: string;
  id: number | undefined;
  /** The same size written another way ("3m" for "3000", '1"' for "dn25"). */
  alike: string[];
}

/** A query word (with the catalog words it can stand for) or size, and the products holding it. */
interface Term {
  kind: 'word' | 'size';
  ids: Set<number>;
  lists: ArrayLike<number>[];
  postings: number;
}

/** Candidate products; postings are in product order, so a single term's are sorted. */
interface Found {
  ids: ArrayLike<number>;
  sorted: boolean;
}

/** Both ascending: a merge, or a gallop through the longer one when the other is much shorter. */
export function intersectSorted(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const result: number[] = [];
  let at = 0;
  for (let i = 0; i < short.length; i += 1) {
    const id = short[i]!;
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

/** Everything an index holds, as flat arrays and word lists: what a snapshot saves. */
interface CatalogParts {
  records: RecordParts;
  superseded: Int32Array;
  vocabulary: readonly string[];
  sizes: readonly string[];
  words: Int32Array;
  sizeIds: Int32Array;
  wordStart: Int32Array;
  nameWordEnd: Int32Array;
  sizeStart: Int32Array;
  nameSizeEnd: Int32Array;
  wordPostings: PostingParts;
  sizePostings: PostingParts;
  codes: CodeTableParts;
}

/** A request read one way: its words (each with the catalog words it may be), its sizes, and the share of its words the catalog knows. */
interface Reading {
  text: string;
  words: QueryWord[];
  sizes: QuerySize[];
  coverage: number;
}

/** The parts an index is made from again: its records in one piece, as a snapshot holds them. */
export type LoadedCatalogParts = Omit<CatalogParts, 'records'> & { records: LoadedRecords };

function codesOf(product: Product): string[] {
  return [product.sku, product.ean ?? '', ...product.supplierCodes].map(normalizeCode);
}

/**
 * In-memory search over product names, for catalogs of a million products: words and sizes
 * are interned to ids and kept in flat typed arrays; a query first ranks candidates by the
 * words and sizes they share (rarest first), then scores the best few exactly: word
 * similarity, sizes that must agree, and a small cost for words and sizes the request did not
 * mention. Products are records decoded only when returned, so that the whole index is a few
 * dozen arrays that a snapshot saves and loads as they are.
 */
export class CatalogIndex {
  private readonly records: ProductRecords;
  /** Products replaced by a newer version: they stay in the arrays but are never found. */
  private readonly superseded: Set<number>;
  private readonly vocabulary: Vocabulary;
  private readonly sizes: Vocabulary;
  /** Per product: its name's word ids, then its extra name's; its name's size ids, then its extra name's. */
  private readonly words: IntBuffer;
  private readonly sizeIds: IntBuffer;
  private readonly wordStart: IntBuffer;
  private readonly nameWordEnd: IntBuffer;
  private readonly sizeStart: IntBuffer;
  private readonly nameSizeEnd: IntBuffer;
  private readonly codes: CodeTable;
  private readonly wordPostings: Postings;
  private readonly sizePostings: Postings;
  private readonly sizeValues: string[] = [];
  private readonly sizeRanges: (SizeRange | null)[] = [];
  /** Reused across queries: which products a set operation has seen, by generation. */
  private marks = new Uint32Array(0);
  private generation = 0;

  /** Empty, or made again from the parts of one saved before. */
  constructor(parts?: LoadedCatalogParts) {
    this.records = new ProductRecords(parts?.records);
    this.superseded = new Set(parts?.superseded);
    this.vocabulary = Vocabulary.of(parts?.vocabulary ?? []);
    this.sizes = Vocabulary.of(parts?.sizes ?? []);
    this.words = new IntBuffer(parts?.words);
    this.sizeIds = new IntBuffer(parts?.sizeIds);
    this.wordStart = new IntBuffer(parts?.wordStart);
    this.nameWordEnd = new IntBuffer(parts?.nameWordEnd);
    this.sizeStart = new IntBuffer(parts?.sizeStart);
    this.nameSizeEnd = new IntBuffer(parts?.nameSizeEnd);
    this.wordPostings = new Postings(parts?.wordPostings);
    this.sizePostings = new Postings(parts?.sizePostings);
    this.codes = new CodeTable((id) => codesOf(this.records.get(id)), parts?.codes, this.records.count);
  }

  static async build(products: AsyncIterable<Product>): Promise<CatalogIndex> {
    const index = new CatalogIndex();
    for await (const product of products) index.add(product);
    index.wordPostings.compact();
    index.sizePostings.compact();
    return index;
  }

  /** Views of the index's arrays, not copies: valid until the index next changes. */
  parts(): CatalogParts {
    return {
      records: this.records.parts(),
      superseded: Int32Array.from(this.superseded),
      vocabulary: this.vocabulary.list(),
      sizes: this.sizes.list(),
      words: this.words.view(),
      sizeIds: this.sizeIds.view(),
      wordStart: this.wordStart.view(),
      nameWordEnd: this.nameWordEnd.view(),
      sizeStart: this.sizeStart.view(),
      nameSizeEnd: this.nameSizeEnd.view(),
      wordPostings: this.wordPostings.parts(),
      sizePostings: this.sizePostings.parts(),
      codes: this.codes.parts(),
    };
  }

  /** The index as structures built over it read it. */
  terms(): CatalogTerms {
    const words = { vocabulary: this.vocabulary, postings: this.wordPostings, ids: this.words, starts: this.wordStart };
    const sizes = { vocabulary: this.sizes, postings: this.sizePostings, ids: this.sizeIds, starts: this.sizeStart };
    const of = (kind: TermKind) => (kind === 'word' ? words : sizes);
    return {
      products: () => this.records.count,
      terms: (kind) => of(kind).vocabulary.list(),
      holding: (kind, term) => of(kind).postings.list(term),
      termLists: (kind) => ({ ids: of(kind).ids.view(), starts: of(kind).starts.view() }),
      codesOf: (id) => codesOf(this.records.get(id)),
      withCode: (code) => this.codes.find(code),
      isCurrent: (id) => !this.superseded.has(id),
      nameLength: (id) => this.records.nameLength(id),
      product: (id) => this.records.get(id),
      similarWords: (word) => Array.from(this.vocabulary.similar(word), ([id, similarity]) => [this.vocabulary.word(id), similarity]),
    };
  }

  /** Products that can be found: changed ones count once. */
  get size(): number {
    return this.records.count - this.superseded.size;
  }

  /** A changed product: the version indexed before, found through its sku in the code table, is superseded. */
  replace(product: Product): void {
    const current = this.codes.find(product.sku).filter((id) => !this.superseded.has(id) && this.records.get(id).sku === product.sku);
    if (current.length > 0) this.superseded.add(Math.max(...current));
    this.add(product);
  }

  add(product: Product): void {
    const id = this.records.count;
    this.records.add(product);
    const name = termsOf(product.name);
    const extra = termsOf(product.extraName ?? '');
    this.wordStart.push(this.words.length);
    this.addTerms(id, name.words, this.vocabulary, this.words, this.wordPostings);
    this.nameWordEnd.push(this.words.length);
    this.addTerms(id, extra.words, this.vocabulary, this.words, this.wordPostings);
    this.sizeStart.push(this.sizeIds.length);
    this.addTerms(id, name.numbers, this.sizes, this.sizeIds, this.sizePostings);
    this.nameSizeEnd.push(this.sizeIds.length);
    // A clamp for 25-28 mm pipes is found by any of the diameters, as a request writes one.
    for (const range of name.numbers.map(rangeOf)) if (range) for (const within of sizesWithin(range)) this.sizePostings.add(this.sizes.intern(within), id);
    for (const detail of extra.numbers) this.sizeIds.push(this.sizes.intern(detail));
    this.codes.add(codesOf(product));
  }

  /** Products whose sku, EAN or a supplier code is this one, ignoring case and separators. */
  findByCode(code: string): Product[] {
    return this.codes
      .find(code)
      .filter((id) => !this.superseded.has(id))
      .map((id) => this.records.get(id));
  }

  /**
   * The request as written and as translated to the catalog's words, each product taking the
   * better fit: an English "stainless press tee" is the extra name "Stainless press tee 28 mm"
   * word for word, while the translation finds a product that has no English name. A reading
   * that leaves more of the request's words unknown to the catalog counts for that much less,
   * so that a request reduced to one word it knows does not outscore the whole request.
   */
  search(text: string, limit: number): ScoredProduct[] {
    const translated = this.query(toCatalogWords(text));
    const written = withThreadEnds(text);
    const readings = translated.text === written ? [translated] : [translated, this.query(written)];
    const coverage = Math.max(...readings.map((r) => r.coverage));
    const best = new Map<number, number>();
    const scoreAll = (reading: Reading, weight: number) => {
      for (const id of this.candidates(reading.words, reading.sizes)) {
        if (this.superseded.has(id)) continue;
        const score = this.score(id, reading.words, reading.sizes) * weight;
        if (score > (best.get(id) ?? 0)) best.set(id, score);
      }
    };
    for (const reading of readings) if (reading.words.length > 0) scoreAll(reading, reading.coverage / coverage);
    // Nothing sure: the catalog may name the thing by a compound of the word ("PTFE-kierreteippi" for "PTFE-teippi").
    if (Math.max(0, ...best.values()) < WEAK && translated.words.length > 0) scoreAll(this.withCompounds(translated), translated.coverage / coverage);
    // Only the products returned are decoded.
    return Array.from(best, ([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || this.records.nameLength(a.id) - this.records.nameLength(b.id))
      .slice(0, limit)
      .map(({ id, score }) => ({ product: this.records.get(id), score }));
  }

  /** The reading with each word the catalog holds as it is also standing for the compounds it ends. */
  private withCompounds(reading: Reading): Reading {
    const words = reading.words.map((word) => {
      const [only] = word.similar.size === 1 ? [...word.similar] : [];
      return only && only[1] === 1 ? this.wordOf(this.vocabulary.withCompounds(only[0]), word.colour) : word;
    });
    return { ...reading, words };
  }

  /**
   * A request's words that the catalog knows (others are filler), and its sizes. A compound
   * cut short with a dot ("kup.putki", "pallov.") stands for the catalog words that start and
   * end so.
   */
  private query(text: string): Reading {
    const abbreviated: QueryWord[] = [];
    const rest = !text.includes('.') ? text : fold(text).replace(ABBREVIATION, (whole, start: string, end?: string) => {
      const similar = this.vocabulary.abbreviated(start, end ?? '');
      if (similar.size === 0) return whole;
      abbreviated.push(this.wordOf(similar));
      return ' ';
    });
    const terms = termsOf(rest);
    const all = [...abbreviated, ...this.joinedCompounds(terms.words).flatMap((word) => this.wordsOf(word))];
    // A colour no product has is still asked for: every product of another colour is another product.
    const words = all.filter((w) => w.similar.size > 0 || w.colour);
    return {
      text,
      words,
      coverage: all.length ? words.length / all.length : 0,
      sizes: terms.numbers.map((n) => ({ text: n, value: sizeValue(n), id: this.sizes.idOf(n), alike: alikeSizes(n) })),
    };
  }

  /**
   * A compound the catalog does not hold, as the two words it does: "puristuskulma" is the
   * "puristus" (press) "kulma" of "NordPress Cu kulma", "pressikulma" too, and "mässingsvinkel"
   * the "messinki" "kulma". Only a split into two words the catalog knows (as they are, or as
   * the same word in its own language), the last of at least four letters, so that a typo is
   * no compound, nor is a word that is like one the catalog holds ("puristuskulmia").
   */
  private wordsOf(word: string): QueryWord[] {
    const similar = this.vocabulary.similar(word);
    const parts = Math.max(0, ...similar.values()) < SAME_WORD_SIMILARITY ? this.compoundParts(word) : null;
    return parts ? parts.map((part) => this.wordOf(this.vocabulary.similar(part))) : [this.wordOf(similar, COLOUR_WORDS.has(word))];
  }

  /**
   * Two words the catalog writes as one compound: "lattialämmityksen jakotukki" (a genitive
   * and its head) or "lattialämmitys jakotukki" is its "lattialämmitysjakotukki". Words, not
   * thread ends: "sk - sk" is no "sksk".
   */
  private joinedCompounds(words: string[]): string[] {
    const joined: string[] = [];
    for (let i = 0; i < words.length; i += 1) {
      const [first, next] = [words[i]!, words[i + 1]];
      const bothWords = next !== undefined && first.length >= MIN_HEAD && next.length >= MIN_HEAD;
      const compound = bothWords ? [first, first.replace(/ksen$/, 's'), first.replace(/n$/, '')].map((start) => start + next).find((w) => this.vocabulary.idOf(w) !== undefined) : undefined;
      if (compound) i += 1;
      joined.push(compound ?? first);
    }
    return joined;
  }

  private compoundParts(word: string): string[] | null {
    if (word.length < MIN_COMPOUND) return null;
    const known = (forms: string[]) => forms.flatMap((form) => termsOf(form).words).find((w) => this.vocabulary.idOf(w) !== undefined);
    for (let at = 3; at <= word.length - MIN_HEAD; at += 1) {
      const head = known([word.slice(at)]);
      if (head === undefined) continue;
      const start = word.slice(0, at);
      const modifier = known([start, start.slice(0, -1)]);
      if (modifier) return [modifier, head];
    }
    return null;
  }

  private addTerms(id: number, terms: string[], vocabulary: Vocabulary, into: IntBuffer, postings: Postings): void {
    for (const term of terms) {
      const termId = vocabulary.intern(term);
      into.push(termId);
      postings.add(termId, id);
    }
  }

  private wordOf(similar: Map<number, number>, colour = false): QueryWord {
    let postings = 0;
    for (const id of similar.keys()) postings += this.wordPostings.count(id);
    return { similar, postings, colour };
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
    if (this.marks.length < this.records.count) this.marks = new Uint32Array(this.records.count * 2);
    let found: Found = { ids: [], sorted: true };
    let next = 0;
    for (; next < terms.length && found.ids.length < MIN_CANDIDATES; next += 1) found = this.union(found, terms[next]!);
    for (; next < terms.length && found.ids.length > MAX_CANDIDATES; next += 1) {
      const narrowed = this.intersection(found, terms[next]!);
      if (narrowed.ids.length >= MIN_CANDIDATES) found = narrowed;
    }
    const rough = this.roughScorer(words, sizes);
    return Array.from(found.ids, (id) => ({ id, score: rough(id) }))
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
    const lists = ids.map((id) => postings.list(id));
    return { kind, ids: new Set(ids), lists, postings: lists.reduce((sum, list) => sum + list.length, 0) };
  }

  private union(found: Found, term: Term): Found {
    if (found.ids.length === 0 && term.lists.length === 1) return { ids: term.lists[0]!, sorted: true };
    const mark = this.mark();
    this.markAll(found.ids, mark);
    const result = Array.from(found.ids);
    for (const list of term.lists) {
      for (let i = 0; i < list.length; i += 1) {
        const id = list[i]!;
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
    if (found.ids.length * TERMS_PER_PRODUCT < term.postings) {
      const held: number[] = [];
      for (let i = 0; i < found.ids.length; i += 1) if (this.holds(found.ids[i]!, term)) held.push(found.ids[i]!);
      return { ids: held, sorted: found.sorted };
    }
    const mark = this.mark();
    this.markAll(found.ids, mark);
    const taken = this.mark();
    const result: number[] = [];
    for (const list of term.lists) {
      for (let i = 0; i < list.length; i += 1) {
        const id = list[i]!;
        if (this.marks[id] !== mark) continue;
        this.marks[id] = taken;
        result.push(id);
      }
    }
    return { ids: result, sorted: term.lists.length === 1 };
  }

  private markAll(ids: ArrayLike<number>, mark: number): void {
    for (let i = 0; i < ids.length; i += 1) this.marks[ids[i]!] = mark;
  }

  private holds(id: number, term: Term): boolean {
    const [data, start, end] =
      term.kind === 'size'
        ? [this.sizeIds, this.sizeStart.at(id), this.nameSizeEnd.at(id)]
        : [this.words, this.wordStart.at(id), id + 1 < this.records.count ? this.wordStart.at(id + 1) : this.words.length];
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
      const wordEnd = id + 1 < this.records.count ? this.wordStart.at(id + 1) : this.words.length;
      for (let i = this.wordStart.at(id); i < wordEnd; i += 1) score += wordWeights.get(this.words.at(i)) ?? 0;
      for (let i = this.sizeStart.at(id); i < this.nameSizeEnd.at(id); i += 1) {
        const sizeId = this.sizeIds.at(i);
        if (sizeIds.has(sizeId) || this.covers(sizeId, sizes)) score += SIZE_WEIGHT;
      }
      return score;
    };
  }

  private score(id: number, words: QueryWord[], sizes: QuerySize[]): number {
    const wordStart = this.wordStart.at(id);
    const nameWordEnd = this.nameWordEnd.at(id);
    const wordEnd = id + 1 < this.records.count ? this.wordStart.at(id + 1) : this.words.length;
    let wordScore = 0;
    let otherColours = 0;
    for (const word of words) {
      let best = 0;
      for (let i = wordStart; i < wordEnd; i += 1) best = Math.max(best, word.similar.get(this.words.at(i)) ?? 0);
      // "sininen" is a little like "punainen" as letters go, and nothing like it as a colour.
      if (word.colour && best < 1 && this.hasColour(wordStart, wordEnd)) {
        otherColours += 1;
        best = 0;
      }
      wordScore += best;
    }
    const extraWords = Math.min(this.unasked(words, wordStart, nameWordEnd), nameWordEnd < wordEnd ? this.unasked(words, nameWordEnd, wordEnd) : Infinity);
    const { agreements, extraNumbers } = this.sizeAgreements(id, sizes);
    const sizeFactor = agreements.reduce((total, a) => total * a, 1);
    return (wordScore / words.length) * sizeFactor * OTHER_COLOUR_FACTOR ** otherColours * EXTRA_NUMBER_FACTOR ** extraNumbers * EXTRA_WORD_FACTOR ** extraWords;
  }

  private hasColour(start: number, end: number): boolean {
    for (let i = start; i < end; i += 1) if (COLOUR_WORDS.has(this.vocabulary.word(this.words.at(i)))) return true;
    return false;
  }

  /**
   * Words of the name, or of the extra name, that the request did not ask for: the field that
   * fits better counts. A compound that only contains a requested word ("liukumuhvi" for
   * "muhvi") names more than was asked: a feature, so it counts too.
   */
  private unasked(words: QueryWord[], start: number, end: number): number {
    let extra = 0;
    for (let i = start; i < end; i += 1) {
      const wordId = this.words.at(i);
      if (!words.some((w) => (w.similar.get(wordId) ?? 0) >= ASKED_SIMILARITY)) extra += 1;
    }
    return extra;
  }

  /**
   * 1 for a size the product has (written either way), 0.9 for one it has only without the
   * letters, 0.25 for one it does not have (0.85 for a standard, where the product's name
   * states none). Once the name's sizes are all asked for, numbers repeated from the extra
   * name ("PN25", "300/500 V") are description, not a conflict.
   */
  private sizeAgreements(id: number, sizes: QuerySize[]): { agreements: number[]; extraNumbers: number } {
    const start = this.sizeStart.at(id);
    const nameEnd = this.nameSizeEnd.at(id);
    const end = id + 1 < this.records.count ? this.sizeStart.at(id + 1) : this.sizeIds.length;
    const name: string[] = [];
    const values: string[] = [];
    for (let i = start; i < nameEnd; i += 1) {
      name.push(this.sizes.word(this.sizeIds.at(i)));
      values.push(this.valueOf(this.sizeIds.at(i)));
    }
    const agreements = sizes.map((size): number => {
      if (name.includes(size.text) || size.alike.some((alike) => name.includes(alike))) return 1;
      if (name.some((n) => inRange(size.text, rangeOf(n)))) return 1;
      const untagged = values.some((v, i) => v === size.value && (name[i] === size.value || size.text === size.value));
      return untagged ? UNTAGGED_NUMBER_FACTOR : MISSING_NUMBER_FACTOR;
    });
    const found = agreements.filter((a) => a > MISSING_NUMBER_FACTOR).length;
    const unstated = (i: number) => agreements[i] === MISSING_NUMBER_FACTOR && isStandard(sizes[i]!.text);
    if (sizes.some((_, i) => unstated(i)) && !name.some(isStandard)) {
      for (let i = 0; i < sizes.length; i += 1) if (unstated(i)) agreements[i] = UNSTATED_STANDARD_FACTOR;
    }
    const extraNumbers = Math.max(0, name.length - found);
    if (extraNumbers > 0) return { agreements, extraNumbers };
    const details: string[] = [];
    for (let i = nameEnd; i < end; i += 1) details.push(this.valueOf(this.sizeIds.at(i)));
    const described = agreements.map((a, i) => (details.includes(sizes[i]!.value) ? 1 : a));
    return { agreements: described, extraNumbers };
  }

  /** Whether a catalog size is a range that one of the requested diameters lies in. */
  private covers(sizeId: number, sizes: QuerySize[]): boolean {
    const range = (this.sizeRanges[sizeId] ??= rangeOf(this.sizes.word(sizeId)));
    return range !== null && sizes.some((size) => inRange(size.text, range));
  }

  /** A size's bare number, worked out once per size in the catalog. */
  private valueOf(sizeId: number): string {
    return (this.sizeValues[sizeId] ??= sizeValue(this.sizes.word(sizeId)));
  }
}
