/** A place range [from, to) in the sorted terms. */
export type Places = readonly [number, number];

const NONE: Places = [0, 0];

/**
 * One kind of the index's terms sorted by their text, so that the terms starting with a prefix
 * are one range of places, found by two binary searches. It holds only ids: the texts are the
 * index's own list. Terms interned after it was made have no place (`placeOf` is -1).
 */
export class SortedTerms {
  /** Terms known when sorted: later ids have no place. */
  readonly count: number;
  private readonly order: Int32Array;
  private readonly places: Int32Array;
  /** Products holding the terms before each place: a range's postings are a subtraction. */
  private readonly before: Float64Array;

  constructor(
    private readonly texts: readonly string[],
    holding: (term: number) => number,
  ) {
    this.count = texts.length;
    this.order = Int32Array.from({ length: this.count }, (_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0));
    this.places = new Int32Array(this.count);
    this.before = new Float64Array(this.count + 1);
    for (let place = 0; place < this.count; place += 1) {
      const term = this.order[place]!;
      this.places[term] = place;
      this.before[place + 1] = this.before[place]! + holding(term);
    }
  }

  /** The places of the terms that start with `prefix`, the term equal to it first. */
  startingWith(prefix: string): Places {
    const from = this.firstAtLeast(prefix);
    // No text continues a prefix with U+FFFF: everything starting with it sorts below.
    return [from, this.firstAtLeast(`${prefix}\uffff`)];
  }

  /** The place of exactly this term, as a range of one or none. */
  exactly(text: string): Places {
    const at = this.firstAtLeast(text);
    return at < this.count && this.texts[this.order[at]!] === text ? [at, at + 1] : NONE;
  }

  has(text: string): boolean {
    return this.exactly(text)[1] > 0;
  }

  termAt(place: number): number {
    return this.order[place]!;
  }

  /** -1 for a term interned after the sort. */
  placeOf(term: number): number {
    return term < this.count ? this.places[term]! : -1;
  }

  /** How many postings the range's terms hold together. */
  volume([from, to]: Places): number {
    return this.before[to]! - this.before[from]!;
  }

  /** Bytes held: the arrays, not the texts (the index's). */
  get bytes(): number {
    return this.order.byteLength + this.places.byteLength + this.before.byteLength;
  }

  private firstAtLeast(text: string): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.texts[this.order[middle]!]! < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
