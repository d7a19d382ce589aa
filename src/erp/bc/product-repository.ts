import { normalizeCode } from '../../domain/product-code.js';
import type { Product } from '../../domain/product.js';
import type { ProductRepository } from '../ports.js';
import { quoted, type BcClient } from './client.js';
import { codeValue } from './codes.js';
import { isOffered, productFromWire } from './mapper.js';
import { itemSchema, type WireItem } from './wire.js';

const PATH = '/items';
/** GTIN is a Code[14]. */
const GTIN_LENGTH = 14;

function codesOf(w: WireItem): string[] {
  return [w.number, w.gtin ?? ''].filter(Boolean).map(normalizeCode);
}

/** Items not blocked are offered; API v2.0 exposes no supplier codes, so a code is an item number or a GTIN. */
export class BcProductRepository implements ProductRepository {
  constructor(
    private readonly client: BcClient,
    private readonly vatRate: string,
  ) {}

  async getBySku(sku: string): Promise<Product | null> {
    const code = codeValue(sku);
    if (code === null) return null;
    const [found] = await this.list(`number eq ${quoted(code)}`, (w) => w.number === code);
    return found ?? null;
  }

  /** As typed and without its separators, by number and by GTIN; the normalised codes decide. */
  async findByCode(code: string): Promise<Product[]> {
    const wanted = normalizeCode(code);
    if (!wanted) return [];
    const matches = (w: WireItem) => codesOf(w).includes(wanted);
    const values = [...new Set([code.trim().toUpperCase(), wanted])];
    const filters = [
      ...values.flatMap((v) => (codeValue(v) === null ? [] : [`number eq ${quoted(v)}`])),
      ...values.flatMap((v) => (v.length <= GTIN_LENGTH ? [`gtin eq ${quoted(v)}`] : [])),
    ];
    for (const filter of filters) {
      const found = await this.list(filter, matches);
      if (found.length) return found;
    }
    return [];
  }

  /** Changed items by `lastModifiedDateTime`, BC's documented way to poll for changes. */
  async *iterate(options: { modifiedAfter?: string } = {}): AsyncIterable<Product> {
    const filter = ['blocked eq false', options.modifiedAfter ? `lastModifiedDateTime gt ${new Date(options.modifiedAfter).toISOString()}` : null].filter(Boolean).join(' and ');
    for await (const item of this.client.pages(PATH, { $filter: filter }, itemSchema)) {
      if (isOffered(item)) yield productFromWire(item, this.vatRate);
    }
  }

  private async list(filter: string, keep: (w: WireItem) => boolean): Promise<Product[]> {
    const found = await this.client.all(PATH, { $filter: filter }, itemSchema);
    return found.filter((w) => isOffered(w) && keep(w)).map((w) => productFromWire(w, this.vatRate));
  }
}
