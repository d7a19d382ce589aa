import type { Product } from '../domain/product.js';
import { intersectSorted } from './catalog-index.js';
import type { CatalogTerms, TermKind } from './catalog-terms.js';
import { SortedCodes } from './sorted-codes.js';
import { SortedTerms } from './sorted-terms.js';
import { readTyped, type Spelling, type TypedTerm } from './typed-query.js';

/** How a product fits what was typed, best first. */
export type Fit = 'code' | 'code_prefix' | 'words' | 'word_prefixes' | 'similar';

export interface TypeaheadHit {
  product: Product;
  fit: Fit;
}

/** A code's start is looked up once it is this long: "kv", "64". */
const MIN_CODE_PREFIX = 2;
/**
 * Products looked at per search, and how many that fit are enough to pick the best from: a
 * prefix of one letter stands for half the catalog, of which the first that fit are as good
 * an answer as any while the salesperson types on.
 */
const MAX_LOOKED_AT = 20_000;
const ENOUGH = 300;
/** How alike a catalog word must be to a typed word no prefix finds, to be taken for it: a typo, an inflection. */
const TYPO_SIMILARITY = 0.8;
const KINDS: TermKind[] = ['word', 'size'];

/** A spelling resolved against the sorted terms: its places, and the first of them when it is the spelling itself (else -1). */
interface Place {
  spelling: Spelling;
  from: number;
  to: number;
  exact: number;
}

/** A typed term: where its spellings are, how many postings they hold, and whether it was taken for a like word. */
interface Wanted {
  places: Place[];
  volume: number;
  alike: boolean;
}

/** The index's per-product term lists, read once per search. */
type TermLists = Record<TermKind, { ids: Int32Array; starts: Int32Array; texts: readonly string[] }>;

/** A product found, before it is decoded. */
interface Found {
  id: number;
  fit: Fit;
}

interface Fitting {
  id: number;
  /** Terms matched as the whole term rather than as a prefix. */
  whole: number;
}

/** 2: the place is a spelling itself; 1: a term starting with one; 0: neither. */
function placedIn(place: number, kind: TermKind, wanted: Wanted): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 0;
  for (const p of wanted.places) {
    if (p.spelling.kind !== kind || place < p.from || place >= p.to) continue;
    if (place === p.exact) return 2;
    best = 1;
  }
  return best;
}

/** The same for a term added after the sort, by its text. */
function spelledBy(text: string, kind: TermKind, wanted: Wanted): 0 | 1 | 2 {
  let best: 0 | 1 | 2 = 0;
  for (const { spelling } of wanted.places) {
    if (spelling.kind !== kind) continue;
    if (text === spelling.text) return 2;
    if (spelling.prefix && text.startsWith(spelling.text)) best = 1;
  }
  return best;
}

/**
 * Search-as-you-type over a catalog index: a product code or its start (with or without
 * separators), a GTIN's start, or words and sizes where the last is still being typed; more
 * words narrow. Exact codes first, then longer codes starting so, then products holding every
 * term as typed, then those holding some only by a longer term, shorter names first; a start
 * of letters alone ("kup") is more often a word's, so its codes come after the words. A word
 * no prefix finds (a typo, an inflection) is taken for the catalog's words like it, and the
 * products found so are 'similar'. It adds no copy of the catalog: the index's terms sorted by text (a prefix is a range), its codes sorted
 * likewise (ids only, the texts read from the records), and the index's own postings and
 * per-product term lists. Products a refresh added after it was made are looked at one by
 * one, so it is made again with the index.
 */
export class CatalogTypeahead {
  private readonly sorted: Record<TermKind, SortedTerms>;
  private readonly marks: Uint32Array;
  private generation = 0;

  private constructor(
    private readonly index: CatalogTerms,
    /** Products indexed when it was made: those after are looked at one by one. */
    private readonly products: number,
    private readonly codes: SortedCodes,
  ) {
    const sortedOf = (kind: TermKind) => new SortedTerms(index.terms(kind), (term) => index.holding(kind, term).length);
    this.sorted = { word: sortedOf('word'), size: sortedOf('size') };
    this.marks = new Uint32Array(products);
  }

  /** Over the index as it is; `pause` is awaited between batches of the products it decodes, for a service to answer meanwhile. */
  static async make(index: CatalogTerms, pause: () => Promise<void> = async () => undefined): Promise<CatalogTypeahead> {
    const products = index.products();
    return new CatalogTypeahead(index, products, await SortedCodes.of(products, (id) => index.codesOf(id), pause));
  }

  /** What it holds beside the index. */
  get bytes(): number {
    return this.sorted.word.bytes + this.sorted.size.bytes + this.codes.bytes + this.marks.byteLength;
  }

  search(text: string, limit: number): TypeaheadHit[] {
    if (limit <= 0) return [];
    const typed = readTyped(text, (kind, term) => this.sorted[kind].has(term));
    const { code } = typed;
    const codePrefixes = () => (code.length >= MIN_CODE_PREFIX ? this.byCodePrefix(code, limit) : []);
    const words = () => (typed.terms.length > 0 ? this.byTerms(typed.terms, limit) : []);
    // "kup" is the start of a word far more often than of a code: letters alone find codes last.
    const groups = /\d/.test(code) ? [() => this.byCode(code), codePrefixes, words] : [() => this.byCode(code), words, codePrefixes];
    const hits: TypeaheadHit[] = [];
    const seen = new Set<number>();
    for (const group of groups) {
      for (const hit of group()) {
        if (hits.length >= limit) return hits;
        if (seen.has(hit.id)) continue;
        seen.add(hit.id);
        hits.push(this.hit(hit.id, hit.fit));
      }
    }
    return hits;
  }

  private byCode(code: string): Found[] {
    return code ? this.index.withCode(code).filter((id) => this.index.isCurrent(id)).map((id) => ({ id, fit: 'code' })) : [];
  }

  /** Products with a longer code starting with this one, in code order, those added since last. */
  private byCodePrefix(code: string, limit: number): Found[] {
    const found: Found[] = [];
    const seen = new Set<number>();
    for (const { id, exact } of this.codes.startingWith(code)) {
      if (found.length >= limit) return found;
      if (exact || seen.has(id) || !this.index.isCurrent(id)) continue;
      seen.add(id);
      found.push({ id, fit: 'code_prefix' });
    }
    for (let id = this.products; id < this.index.products() && found.length < limit; id += 1) {
      if (this.index.isCurrent(id) && this.index.codesOf(id).some((c) => c.startsWith(code) && c !== code)) found.push({ id, fit: 'code_prefix' });
    }
    return found;
  }

  /** Products holding every typed term. A term nothing holds is taken for the catalog words like it (a typo): the fit is then 'similar'. */
  private byTerms(typed: TypedTerm[], limit: number): Found[] {
    // A term none of the sorted products holds may still be a product's added since, by its text.
    const wanted = typed.map((term) => this.wanted(term));
    if (wanted.some((w) => w.volume === 0) && this.products === this.index.products()) return [];
    wanted.sort((a, b) => a.volume - b.volume);
    const similar = wanted.some((w) => w.alike);
    const lists = this.termLists();
    const fitting: Fitting[] = [];
    const consider = (id: number) => {
      if (!this.index.isCurrent(id)) return false;
      const whole = this.fit(id, wanted, lists);
      if (whole >= 0) fitting.push({ id, whole });
      return fitting.length >= ENOUGH;
    };
    // A name typed in full ("kupariputki 15x1,0 kova lumo") is held by a few of the tens of thousands
    // of products each of its words is, and they need not be among the first looked at: the two
    // rarest terms' postings are met first.
    const [rarest, next] = wanted.slice(0, 2).map((w) => this.onlyTerm(w));
    if (rarest && next) {
      for (const id of intersectSorted(rarest, next)) if (id >= this.products || consider(id)) break;
    } else this.eachHolding(wanted[0]!, consider);
    for (let id = this.products; id < this.index.products(); id += 1) consider(id);
    const fitOf = (whole: number): Fit => (similar ? 'similar' : whole === wanted.length ? 'words' : 'word_prefixes');
    return fitting
      .sort((a, b) => b.whole - a.whole || this.index.nameLength(a.id) - this.index.nameLength(b.id) || a.id - b.id)
      .slice(0, limit)
      .map((f) => ({ id: f.id, fit: fitOf(f.whole) }));
  }

  private termLists(): TermLists {
    const of = (kind: TermKind) => ({ ...this.index.termLists(kind), texts: this.index.terms(kind) });
    return { word: of('word'), size: of('size') };
  }

  private wanted(term: TypedTerm): Wanted {
    const asTyped = this.resolve(term.spellings, false);
    if (asTyped.volume > 0) return asTyped;
    const alike = this.alike(asTyped);
    return alike.volume > 0 ? alike : asTyped;
  }

  private resolve(spellings: Spelling[], alike: boolean): Wanted {
    const places = spellings.map((spelling): Place => {
      const sorted = this.sorted[spelling.kind];
      const [from, to] = spelling.prefix ? sorted.startingWith(spelling.text) : sorted.exactly(spelling.text);
      const exact = from < to && this.index.terms(spelling.kind)[sorted.termAt(from)] === spelling.text ? from : -1;
      return { spelling, from, to, exact };
    });
    const volume = places.reduce((sum, p) => sum + this.sorted[p.spelling.kind].volume([p.from, p.to]), 0);
    return { places, volume, alike };
  }

  /** The catalog words like the typed word's spellings, each as a whole word. */
  private alike(wanted: Wanted): Wanted {
    const words = wanted.places.flatMap(({ spelling }) => (spelling.kind === 'word' ? this.index.similarWords(spelling.text) : []));
    const spellings = [...new Set(words.filter(([, similarity]) => similarity >= TYPO_SIMILARITY).map(([word]) => word))].map((text): Spelling => ({ kind: 'word', text, prefix: false }));
    return this.resolve(spellings, true);
  }

  /**
   * The products holding the rarest term, the term itself before those starting with it, until
   * enough fit (`consider` says so) or enough were looked at. Its spellings may overlap ("cu"
   * and "cusi"): marks say which were seen.
   */
  private eachHolding(rarest: Wanted, consider: (id: number) => boolean): void {
    const mark = (this.generation += 1);
    let lookedAt = 0;
    for (const { spelling, from, to } of rarest.places) {
      const sorted = this.sorted[spelling.kind];
      for (let place = from; place < to; place += 1) {
        const ids = this.index.holding(spelling.kind, sorted.termAt(place));
        for (let i = 0; i < ids.length; i += 1) {
          const id = ids[i]!;
          if (id >= this.products || this.marks[id] === mark) continue;
          this.marks[id] = mark;
          lookedAt += 1;
          if (consider(id) || lookedAt >= MAX_LOOKED_AT) return;
        }
      }
    }
  }

  /** The products holding a term that stands for one term of the index (a word typed whole, "lumo" of only "lumo"), ascending; else null. */
  private onlyTerm(wanted: Wanted): ArrayLike<number> | null {
    const places = wanted.places.filter((p) => p.to > p.from);
    if (places.length !== 1 || places[0]!.to - places[0]!.from !== 1) return null;
    const { spelling, from } = places[0]!;
    return this.index.holding(spelling.kind, this.sorted[spelling.kind].termAt(from));
  }

  /** -1 when a term is missing, else how many terms the product holds whole. */
  private fit(id: number, wanted: Wanted[], lists: TermLists): number {
    let whole = 0;
    for (const term of wanted) {
      const found = this.holds(id, term, lists);
      if (found === 0) return -1;
      if (found === 2) whole += 1;
    }
    return whole;
  }

  /** 2: the term itself; 1: one starting with it; 0: neither; in its words or its sizes, as its spellings are. */
  private holds(id: number, wanted: Wanted, lists: TermLists): number {
    let best = 0;
    for (const kind of KINDS) {
      if (!wanted.places.some((p) => p.spelling.kind === kind)) continue;
      const { ids, starts, texts } = lists[kind];
      const sorted = this.sorted[kind];
      const end = id + 1 < starts.length ? starts[id + 1]! : ids.length;
      for (let i = starts[id]!; i < end; i += 1) {
        const term = ids[i]!;
        const place = sorted.placeOf(term);
        const found = place < 0 ? spelledBy(texts[term]!, kind, wanted) : placedIn(place, kind, wanted);
        if (found === 2) return 2;
        if (found > best) best = found;
      }
    }
    return best;
  }

  private hit(id: number, fit: Fit): TypeaheadHit {
    return { product: this.index.product(id), fit };
  }
}
