import type { LinePrice, PriceRequestLine, PricingService, ProductRepository } from '../ports.js';

/**
 * API v2.0 exposes no price lists, customer price groups or line discounts: BC applies them
 * only when it prices a document line itself. Offerflow prices before an offer exists, and
 * pricing by making and deleting a quote would write to BC (and use up quote numbers) for
 * every request, so it offers the item's own `unitPrice`, the list price, with no discount, to
 * every customer; the salesperson reviewing the offer knows the customer's terms. The offer is
 * stored with the prices Offerflow sends (see `itemLineToWire`).
 */
export class BcPricingService implements PricingService {
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
