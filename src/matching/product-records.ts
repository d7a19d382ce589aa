import type { Product, UnitConversion } from '../domain/product.js';
import { IntBuffer } from './int-buffer.js';

export interface RecordParts {
  /** The records one after another, in as many pieces as they are held in. */
  bytes: Uint8Array[];
  /** Product i's record is bytes[offsets[i]] .. bytes[offsets[i + 1]]. */
  offsets: Int32Array;
  /** Each name's length, to break ties without decoding the product. */
  nameLengths: Int32Array;
}

/** Records as a snapshot holds them: in one piece. */
export type LoadedRecords = Omit<RecordParts, 'bytes'> & { bytes: Uint8Array };

type Row = [string, string, string | null, string | null, string[], string, string, string, string | null, UnitConversion[]];

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Offsets are Int32: past this the records need another layout. */
const MAX_BYTES = 2 ** 31 - 1;

function rowOf(p: Product): Row {
  return [p.sku, p.name, p.extraName, p.ean, p.supplierCodes, p.unit, p.listPrice, p.vatRate, p.group, p.units];
}

function productOf([sku, name, extraName, ean, supplierCodes, unit, listPrice, vatRate, group, units]: Row): Product {
  return { sku, name, extraName, ean, supplierCodes, unit, units, listPrice, vatRate, group };
}

/**
 * The products themselves, as one buffer of JSON records rather than a million objects: an
 * object costs the heap a few hundred bytes and the garbage collector a look at every pass,
 * and a snapshot can hold the buffer as it is. A product is decoded when it is asked for, which
 * a search does only for the few it returns. Records added after a snapshot go to a growing
 * tail, so the loaded buffer is never copied.
 */
export class ProductRecords {
  private readonly base: Uint8Array;
  private tail = new Uint8Array(1 << 16);
  private tailLength = 0;
  private readonly offsets: IntBuffer;
  private readonly nameLengths: IntBuffer;

  constructor(parts?: LoadedRecords) {
    this.base = parts?.bytes ?? new Uint8Array(0);
    this.offsets = new IntBuffer(parts?.offsets ?? new Int32Array([0]));
    this.nameLengths = new IntBuffer(parts?.nameLengths);
  }

  get count(): number {
    return this.nameLengths.length;
  }

  add(product: Product): void {
    const json = JSON.stringify(rowOf(product));
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.reserve(json.length * 3);
    const { written } = encoder.encodeInto(json, this.tail.subarray(this.tailLength));
    this.tailLength += written;
    const end = this.base.length + this.tailLength;
    if (end > MAX_BYTES) throw new Error(`the catalog's products take more than ${MAX_BYTES} bytes`);
    this.offsets.push(end);
    this.nameLengths.push(product.name.length);
  }

  get(id: number): Product {
    const start = this.offsets.at(id);
    const end = this.offsets.at(id + 1);
    const bytes = start < this.base.length ? this.base.subarray(start, end) : this.tail.subarray(start - this.base.length, end - this.base.length);
    return productOf(JSON.parse(decoder.decode(bytes)) as Row);
  }

  nameLength(id: number): number {
    return this.nameLengths.at(id);
  }

  parts(): RecordParts {
    return { bytes: [this.base, this.tail.subarray(0, this.tailLength)], offsets: this.offsets.view(), nameLengths: this.nameLengths.view() };
  }

  private reserve(bytes: number): void {
    if (this.tailLength + bytes <= this.tail.length) return;
    const grown = new Uint8Array(Math.max(this.tail.length * 2, this.tailLength + bytes));
    grown.set(this.tail.subarray(0, this.tailLength));
    this.tail = grown;
  }
}
