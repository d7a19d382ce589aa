import type { Product } from '../../domain/product.js';
import { resolvePrice } from '../../pricing/resolve-price.js';
import type { LinePrice, PriceRequestLine, PricingService, ProductRepository } from '../ports.js';
import type { LemonsoftClient } from './client.js';
import { priceRulesFromWire } from './mapper.js';
import { listSchema, pricelistRowSchema } from './wire.js';

/**
 * Lemonsoft decides which price-list rows apply to this customer on this date; the endpoint
 * takes no quantity, so the rows come with their `amount` and the quantity break is chosen by
 * the same rules as everywhere else in Offerflow.
 */
export class LemonsoftPricingService implements PricingService {
  constructor(
    private readonly client: LemonsoftClient,
    private readonly products: ProductRepository,
    private readonly pricelistId: number,
  ) {}

  async price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> {
    const bySku = new Map<string, Promise<{ product: Product; rows: ReturnType<typeof priceRulesFromWire> }>>();
    const lookup = (sku: string) => {
      let pending = bySku.get(sku);
      if (!pending) {
        pending = this.rulesFor(sku, request.customerNumber, request.date);
        bySku.set(sku, pending);
      }
      return pending;
    };
    return Promise.all(
      request.lines.map(async (line) => {
        const { product, rows } = await lookup(line.sku);
        const price = resolvePrice(product, rows, line.quantity, request.date);
        return { sku: line.sku, unitPrice: price.unitPrice, discountPercent: price.discountPercent, vatRate: product.vatRate };
      }),
    );
  }

  private async rulesFor(sku: string, customerNumber: string | null, date: string) {
    const product = await this.products.getBySku(sku);
    if (!product) throw new Error(`Cannot price sku '${sku}': Lemonsoft has no such product for sale`);
    const answer = await this.client.get(
      `/api/pricelists/${this.pricelistId}/${encodeURIComponent(sku)}`,
      { get_purchase_price: false, 'filter.list_valid_date': date, 'filter.cust_no': customerNumber ?? undefined, 'filter.product_unit': product.unit || undefined },
      listSchema(pricelistRowSchema),
    );
    return { product, rows: priceRulesFromWire(answer.results, String(this.pricelistId)) };
  }
}
