import type { PriceRule } from '../../domain/price-rule.js';
import type { Product } from '../../domain/product.js';
import { resolvePrice } from '../../pricing/resolve-price.js';
import type { LinePrice, PriceRequestLine, PricingService, ProductRepository } from '../ports.js';
import { LemonsoftError, type LemonsoftClient } from './client.js';
import { priceRulesFromWire, pricelistRulesFromWire } from './mapper.js';
import type { LemonsoftSettings } from './settings.js';
import { priceAnswerSchema, pricelistSchema, type WirePricelist } from './wire.js';

export interface LemonsoftPricing {
  /** The price list the price endpoint is asked through; with `pricelists`, the list that applies to every customer. */
  pricelistId: number;
  source: LemonsoftSettings['priceSource'];
}

/**
 * Lemonsoft decides which price-list rows apply to this customer on this date; the endpoint
 * takes no quantity, so the rows come with their `amount` and the quantity break is chosen by
 * the same rules as everywhere else in Offerflow. Where the endpoint answers one resolved price
 * instead, the price lists are read whole and chosen from here: the one asked through, and
 * those naming the customer.
 */
export class LemonsoftPricingService implements PricingService {
  constructor(
    private readonly client: LemonsoftClient,
    private readonly products: ProductRepository,
    private readonly pricing: LemonsoftPricing,
  ) {}

  async price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> {
    const bySku = new Map<string, Promise<{ product: Product; rules: PriceRule[] }>>();
    let lists: Promise<WirePricelist[]> | null = null;
    const customerLists = () => (lists ??= this.customerPricelists(request.customerNumber));
    const lookup = (sku: string) => {
      let pending = bySku.get(sku);
      if (!pending) {
        pending = this.rulesFor(sku, request.customerNumber, request.date, customerLists);
        bySku.set(sku, pending);
      }
      return pending;
    };
    return Promise.all(
      request.lines.map(async (line) => {
        const { product, rules } = await lookup(line.sku);
        const price = resolvePrice(product, rules, line.quantity, request.date);
        return { sku: line.sku, unitPrice: price.unitPrice, discountPercent: price.discountPercent, vatRate: product.vatRate };
      }),
    );
  }

  private async rulesFor(sku: string, customerNumber: string | null, date: string, customerLists: () => Promise<WirePricelist[]>) {
    const product = await this.products.getBySku(sku);
    if (!product) throw new Error(`Cannot price sku '${sku}': Lemonsoft has no such product for sale`);
    if (this.pricing.source === 'pricelists') return { product, rules: (await customerLists()).flatMap((list) => pricelistRulesFromWire(list, product)) };
    const path = `/api/pricelists/${this.pricing.pricelistId}/${encodeURIComponent(sku)}`;
    const answer = await this.client.get(
      path,
      { get_purchase_price: false, 'filter.list_valid_date': date, 'filter.cust_no': customerNumber ?? undefined, 'filter.product_unit': product.unit || undefined },
      priceAnswerSchema,
    );
    if ('resolved' in answer) {
      throw new LemonsoftError(`GET ${path}`, 200, 'answers one resolved price instead of price-list rows, which hides the quantity breaks; set erp.settings.priceSource to "pricelists"');
    }
    return { product, rules: priceRulesFromWire(answer.results, String(this.pricing.pricelistId)) };
  }

  /** Every price list, read whole, that is the one asked through or names the customer. */
  private async customerPricelists(customerNumber: string | null): Promise<WirePricelist[]> {
    const customer = customerNumber === null ? null : Number(customerNumber);
    const headers = await this.client.all('/api/pricelists', {}, pricelistSchema.pick({ id: true }));
    const lists = await Promise.all(headers.map((header) => this.client.find(`/api/pricelists/${header.id}`, pricelistSchema)));
    return lists.filter((list): list is WirePricelist => list !== null && (list.id === this.pricing.pricelistId || (customer !== null && (list.customers ?? []).some((c) => c.number === customer))));
  }
}
