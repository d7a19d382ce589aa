/** The most codes of one product kept for prefixes: its sku, EAN and first supplier codes. */
const MAX_CODES = 255;

/** Products decoded between two pauses while their codes are gathered. */
const DECODED_PER_TURN = 20_000;
/** Characters of a code's start that sort it by a number, seven bits each: below 2^53. */
const LEAD_CHARACTERS = 7;

/**
 * A number that sorts as the code's characters from `from` do: comparing two such numbers per
 * code (fourteen characters) sorts millions of codes without reading their texts, scattered over
 * the heap, but for the few that start alike for longer. -1 for a code with a character past
 * ASCII, which is compared as text.
 */
function leadOf(code: string, from: number): number {
  if (/[^\p{ASCII}]/u.test(code)) return -1;
  let lead = 0;
  for (let i = from; i < from + LEAD_CHARACTERS; i += 1) lead = lead * 128 + (i < code.length ? code.charCodeAt(i) : 0);
  return lead;
}

/**
 * Every product's codes (sku, EAN, supplier codes, normalised) sorted by their text, so that
 * the codes starting with what was typed are one run, found by binary search. It holds only
 * the product id and which of its codes each entry is: the texts are read from the product's
 * record when compared, a few dozen per search, so that three million codes cost a few bytes
 * each rather than a second copy of them.
 */
export class SortedCodes {
  private constructor(
    private readonly ids: Int32Array,
    private readonly slots: Uint8Array,
    private readonly codesOf: (id: number) => string[],
  ) {}

  /**
   * Products 0 … products - 1, decoded once each to sort their codes; `pause` is awaited after
   * each batch of them, so that decoding a million products does not hold a service's thread.
   */
  static async of(products: number, codesOf: (id: number) => string[], pause: () => Promise<void>): Promise<SortedCodes> {
    const texts: string[] = [];
    const ids: number[] = [];
    const slots: number[] = [];
    for (let id = 0; id < products; id += 1) {
      if (id > 0 && id % DECODED_PER_TURN === 0) await pause();
      const codes = codesOf(id);
      for (let slot = 0; slot < Math.min(codes.length, MAX_CODES); slot += 1) {
        // An empty code (no EAN) or one repeated (an EAN also given as the sku) is no entry.
        if (!codes[slot] || codes.indexOf(codes[slot]!) !== slot) continue;
        texts.push(codes[slot]!);
        ids.push(id);
        slots.push(slot);
      }
    }
    const leads = Float64Array.from(texts, (text) => leadOf(text, 0));
    const nexts = Float64Array.from(texts, (text) => leadOf(text, LEAD_CHARACTERS));
    const byText = (a: number, b: number) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0);
    const order = Int32Array.from(texts, (_, i) => i).sort((a, b) =>
      leads[a]! < 0 || leads[b]! < 0 ? byText(a, b) : leads[a]! - leads[b]! || nexts[a]! - nexts[b]! || byText(a, b),
    );
    return new SortedCodes(
      Int32Array.from(order, (entry) => ids[entry]!),
      Uint8Array.from(order, (entry) => slots[entry]!),
      codesOf,
    );
  }

  /** Products whose code starts with `prefix` (normalised), in code order: a product with two such codes comes twice. */
  *startingWith(prefix: string): Generator<{ id: number; exact: boolean }> {
    for (let entry = this.firstAtLeast(prefix); entry < this.ids.length; entry += 1) {
      const code = this.codeAt(entry);
      if (!code.startsWith(prefix)) return;
      yield { id: this.ids[entry]!, exact: code === prefix };
    }
  }

  get bytes(): number {
    return this.ids.byteLength + this.slots.byteLength;
  }

  private codeAt(entry: number): string {
    return this.codesOf(this.ids[entry]!)[this.slots[entry]!]!;
  }

  private firstAtLeast(text: string): number {
    let low = 0;
    let high = this.ids.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.codeAt(middle) < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
