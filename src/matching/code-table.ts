import { normalizeCode } from '../domain/product-code.js';

/** The most entries per slot: linear probing stays short below half full. */
const MAX_LOAD = 0.5;

/** FNV-1a: a fast, well-spread hash of a short code. */
function hash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i += 1) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  // Signed, as an Int32Array holds it.
  return h | 0;
}

export interface CodeTableParts {
  /** Item id + 1 per slot; 0 is empty. */
  slots: Int32Array;
  /** The hash of the code each slot holds, so that growing needs no codes and a probe rarely does. */
  hashes: Int32Array;
}

/**
 * Exact codes (sku, EAN, supplier codes) to item ids, for a million products. A Map of three
 * million code strings costs a few hundred megabytes and long GC pauses; this open-addressing
 * table holds only ids and hashes and checks a hit against the item's own normalised codes,
 * which the caller gives. Items are numbered 0, 1, 2… in the order they are added.
 */
export class CodeTable {
  private slots: Int32Array;
  private hashes: Int32Array;
  /** Counted when first needed: a loaded table may serve for good without an item added. */
  private entries: number | null = null;

  /** `parts` and `items`: a table saved before, holding that many items. */
  constructor(
    private readonly codesOf: (id: number) => string[],
    parts: CodeTableParts = { slots: new Int32Array(1024), hashes: new Int32Array(1024) },
    private items = 0,
  ) {
    this.slots = parts.slots;
    this.hashes = parts.hashes;
  }

  /** The next item, with its normalised codes: its id is the number of items added before it. */
  add(codes: string[]): void {
    const distinct = [...new Set(codes)].filter((code) => code !== '');
    while (this.filled() + distinct.length > this.slots.length * MAX_LOAD) this.grow();
    for (const code of distinct) this.insert(hash(code), this.items);
    this.items += 1;
  }

  /** Ids whose codes include this one, normalised the same way. */
  find(code: string): number[] {
    const key = normalizeCode(code);
    if (!key) return [];
    const h = hash(key);
    const mask = this.slots.length - 1;
    const ids: number[] = [];
    for (let at = h & mask; this.slots[at] !== 0; at = (at + 1) & mask) {
      if (this.hashes[at] !== h) continue;
      const id = this.slots[at]! - 1;
      // Two codes of one item can sit on the same probe chain.
      if (!ids.includes(id) && this.codesOf(id).includes(key)) ids.push(id);
    }
    // In the order added, whatever the slots' order after growing.
    return ids.sort((a, b) => a - b);
  }

  parts(): CodeTableParts {
    return { slots: this.slots, hashes: this.hashes };
  }

  private filled(): number {
    if (this.entries === null) {
      this.entries = 0;
      for (let at = 0; at < this.slots.length; at += 1) if (this.slots[at] !== 0) this.entries += 1;
    }
    return this.entries;
  }

  private insert(h: number, id: number): void {
    const mask = this.slots.length - 1;
    let at = h & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = id + 1;
    this.hashes[at] = h;
    this.entries = this.filled() + 1;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    this.entries = 0;
    for (let at = 0; at < slots.length; at += 1) if (slots[at] !== 0) this.insert(hashes[at]!, slots[at]! - 1);
  }
}
