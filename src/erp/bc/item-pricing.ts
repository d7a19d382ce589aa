import type { LinePrice, PriceRequestLine, PricingService, ProductRepository } from '../ports.js';

/**
 * The item card's unit price to every customer, without discount: what `pricing: "itemPrice"`
 * offers, for installations that forbid the scratch quotes' writes of `BcPricingService`, and
 * the price without a customer where no prospects' customer is named.
 */
export class BcItemPricing implements PricingService {
  constructor(private readonly products: ProductRepository) {}

  async price(request: { customerNumber: string | null; date: string; lines: PriceRequestLine[] }): Promise<LinePrice[]> {
    const skus = [...new Set(request.lines.map((line) => line.sku))];
    const products = new Map(await Promise.all(skus.map(async (sku) => [sku, await this.products.getBySku(sku)] as const)));
    return request.lines.map((line) => {
      const product = products.get(line.sku);
      if (!product) throw new Error(`Cannot price sku '${line.sku}': Business Central has no such item for sale`);
      return { sku: line.sku, unitPrice: product.listPrice, discountPercent: '0', vatRate: product.vatRate };
    });
  }
}
