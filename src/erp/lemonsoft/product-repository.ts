import { normalizeCode } from '../../domain/product-code.js';
import type { Product } from '../../domain/product.js';
import type { ProductRepository } from '../ports.js';
import type { LemonsoftClient, Query } from './client.js';
import { isOffered, productFromWire } from './mapper.js';
import { productSchema, type WireProduct } from './wire.js';

const PATH = '/api/products';

function codesOf(p: WireProduct): string[] {
  return [p.sku, p.ean_code ?? '', ...(p.suppliers ?? []).map((s) => s.code ?? '')].filter(Boolean).map(normalizeCode);
}

export class LemonsoftProductRepository implements ProductRepository {
  constructor(
    private readonly client: LemonsoftClient,
    private readonly taxRates: Record<string, string>,
  ) {}

  async getBySku(sku: string): Promise<Product | null> {
    const [found] = await this.list({ 'filter.sku': [sku] }, (p) => p.sku === sku);
    return found ?? null;
  }

  /**
   * Sku and EAN have their own filters; a supplier code is found by free text, as typed and
   * without its separators, and the normalised codes decide.
   */
  async findByCode(code: string): Promise<Product[]> {
    const wanted = normalizeCode(code);
    if (!wanted) return [];
    const matches = (p: WireProduct) => codesOf(p).includes(wanted);
    const queries: Query[] = [{ 'filter.sku': [code] }, { 'filter.ean': [code] }, { 'filter.search': code }];
    if (wanted !== code) queries.push({ 'filter.search': wanted });
    for (const query of queries) {
      const found = await this.list(query, matches);
      if (found.length) return found;
    }
    return [];
  }

  async *iterate(options: { modifiedAfter?: string } = {}): AsyncIterable<Product> {
    const query = { 'filter.is_sales': true, 'filter.modified_after': options.modifiedAfter };
    for await (const product of this.client.pages(PATH, query, productSchema)) {
      if (isOffered(product)) yield productFromWire(product, this.taxRates);
    }
  }

  private async list(query: Query, keep: (p: WireProduct) => boolean): Promise<Product[]> {
    const found = await this.client.all(PATH, query, productSchema);
    return found.filter((p) => isOffered(p) && keep(p)).map((p) => productFromWire(p, this.taxRates));
  }
}
