import type { Kysely } from 'kysely';
import { resolvePrice } from '../../pricing/resolve-price.js';
import type { LinePrice, PriceRequestLine, PricingService } from '../ports.js';
import { priceRuleFromRow, productFromRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

/** The local ERP does not price by itself, so it applies our pricing rules to its price lists. */
export class LocalPricingService implements PricingService {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  async price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> {
    const pricelist = await this.pricelistOf(request.customerNumber);
    const skus = [...new Set(request.lines.map((l) => l.sku))];
    const products = skus.length
      ? (await this.db.selectFrom('products').selectAll().where('sku', 'in', skus).execute()).map(productFromRow)
      : [];
    const rules = pricelist
      ? (await this.db.selectFrom('price_rules').selectAll().where('pricelist', '=', pricelist).execute()).map(priceRuleFromRow)
      : [];
    return request.lines.map((line) => {
      const product = products.find((p) => p.sku === line.sku);
      if (!product) throw new Error(`Cannot price sku '${line.sku}': no such product in the local ERP`);
      const price = resolvePrice(product, rules, line.quantity, request.date);
      return { sku: line.sku, unitPrice: price.unitPrice, discountPercent: price.discountPercent, vatRate: product.vatRate };
    });
  }

  private async pricelistOf(customerNumber: string | null): Promise<string | null> {
    if (customerNumber === null) return null;
    const row = await this.db.selectFrom('customers').select('pricelist').where('number', '=', customerNumber).executeTakeFirst();
    return row?.pricelist ?? null;
  }
}
