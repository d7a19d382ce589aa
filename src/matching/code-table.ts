import { normalizeCode } from '../domain/product-code.js';

/** The most entries per slot: linear probing stays short below half full. */
const MAX_LOAD = 0.5;

/** FNV-1a: a fast, well-spread hash of a short code. */
function hash(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i += 1) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Exact codes (sku, EAN, supplier codes) to item ids, for a million products. A Map of three
 * million code strings costs a few hundred megabytes and long GC pauses; this open-addressing
 * table holds only ids and checks a hit against the item's own normalised codes, which the
 * caller gives. Items are numbered 0, 1, 2… in the order they are added.
 */
export class CodeTable {
  /** Item id + 1 per slot; 0 is empty. */
  private slots = new Int32Array(1024);
  private entries = 0;
  private items = 0;

  constructor(private readonly codesOf: (id: number) => string[]) {}

  /** The next item: its id is the number of items added before it. */
  add(): void {
    this.insertCodes(this.items);
    this.items += 1;
  }

  /** Ids whose codes include this one, normalised the same way. */
  find(code: string): number[] {
    const key = normalizeCode(code);
    if (!key) return [];
    const mask = this.slots.length - 1;
    const ids: number[] = [];
    for (let at = hash(key) & mask; this.slots[at] !== 0; at = (at + 1) & mask) {
      const id = this.slots[at]! - 1;
      // Two codes of one item can sit on the same probe chain.
      if (!ids.includes(id) && this.codesOf(id).includes(key)) ids.push(id);
    }
    return ids;
  }

  private insertCodes(id: number): void {
    const codes = this.distinctCodes(id);
    while (this.entries + codes.length > this.slots.length * MAX_LOAD) this.grow();
    for (const code of codes) this.insert(hash(code), id);
  }

  private distinctCodes(id: number): string[] {
    return [...new Set(this.codesOf(id))].filter((code) => code !== '');
  }

  private insert(h: number, id: number): void {
    const mask = this.slots.length - 1;
    let at = h & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = id + 1;
    this.entries += 1;
  }

  /** Rehashing needs each entry's code again: the items give them back. */
  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.entries = 0;
    for (let id = 0; id < this.items; id += 1) for (const code of this.distinctCodes(id)) this.insert(hash(code), id);
  }
}
