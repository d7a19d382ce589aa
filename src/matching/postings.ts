/** One flat array of every term's products, and where each term's run starts (CSR). */
export interface PostingParts {
  /** Term t's products are ids[starts[t]] .. ids[starts[t + 1]]; terms past the end have none. */
  starts: Int32Array;
  ids: Int32Array;
}

const NONE = new Int32Array(0);

/**
 * The products holding each term, ascending. A million products' postings sit in two typed
 * arrays that a snapshot can hold as they are; products added later go to small per-term lists
 * until `compact()` folds them in. Ids only grow, so a term's flat run stays below its added ids.
 */
export class Postings {
  private starts: Int32Array;
  private ids: Int32Array;
  private added: number[][] = [];

  constructor(parts: PostingParts = { starts: new Int32Array(1), ids: NONE }) {
    this.starts = parts.starts;
    this.ids = parts.ids;
  }

  /** A product's term; a term named twice in one product is held once. */
  add(term: number, id: number): void {
    const list = (this.added[term] ??= []);
    if (list[list.length - 1] !== id) list.push(id);
  }

  list(term: number): ArrayLike<number> {
    const flat = term + 1 < this.starts.length ? this.ids.subarray(this.starts[term]!, this.starts[term + 1]!) : NONE;
    const added = this.added[term];
    if (!added) return flat;
    if (flat.length === 0) return added;
    const both = new Int32Array(flat.length + added.length);
    both.set(flat);
    both.set(added, flat.length);
    return both;
  }

  count(term: number): number {
    const flat = term + 1 < this.starts.length ? this.starts[term + 1]! - this.starts[term]! : 0;
    return flat + (this.added[term]?.length ?? 0);
  }

  /** Folds the added lists into the flat arrays. */
  compact(): void {
    if (this.added.length === 0) return;
    const terms = Math.max(this.starts.length - 1, this.added.length);
    let total = this.ids.length;
    for (const list of this.added) total += list?.length ?? 0;
    const starts = new Int32Array(terms + 1);
    const ids = new Int32Array(total);
    let at = 0;
    for (let term = 0; term < terms; term += 1) {
      starts[term] = at;
      const list = this.list(term);
      ids.set(list, at);
      at += list.length;
    }
    starts[terms] = at;
    this.starts = starts;
    this.ids = ids;
    this.added = [];
  }

  /** The flat arrays, after folding in what was added. */
  parts(): PostingParts {
    this.compact();
    return { starts: this.starts, ids: this.ids };
  }
}
