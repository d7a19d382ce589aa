import type { Kysely } from 'kysely';
import { normalizeCode } from '../../domain/product-code.js';
import type { Product } from '../../domain/product.js';
import type { ProductRepository } from '../ports.js';
import { productFromRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

const PAGE_SIZE = 5000;

export class LocalProductRepository implements ProductRepository {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  async getBySku(sku: string): Promise<Product | null> {
    const row = await this.db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
    return row ? productFromRow(row) : null;
  }

  async findByCode(code: string): Promise<Product[]> {
    const rows = await this.db
      .selectFrom('products')
      .selectAll()
      .where('sku', 'in', (eb) => eb.selectFrom('product_codes').select('sku').where('code', '=', normalizeCode(code)))
      .execute();
    return rows.map(productFromRow);
  }

  /** Pages by sku (keyset) so a million-product catalog streams in bounded memory. */
  async *iterate(options: { modifiedAfter?: string } = {}): AsyncIterable<Product> {
    let after = '';
    for (;;) {
      let query = this.db.selectFrom('products').selectAll().where('sku', '>', after).orderBy('sku').limit(PAGE_SIZE);
      if (options.modifiedAfter) query = query.where('modified_at', '>', options.modifiedAfter);
      const rows = await query.execute();
      for (const row of rows) yield productFromRow(row);
      if (rows.length < PAGE_SIZE) return;
      after = rows[rows.length - 1]!.sku;
    }
  }
}
