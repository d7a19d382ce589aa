import { isoDateIn } from '../../domain/calendar.js';
import { lineTotal } from '../../pricing/offer-totals.js';
import { toSalesUnits } from '../../domain/sales-units.js';
import type { PricedLine } from '../context.js';
import { defineStep } from '../step.js';

export const calculatePricing = defineStep({
  name: 'calculate_pricing',
  reads: ['requestedLines', 'matches', 'customer'],
  writes: ['pricedLines'],
  async run(context, env) {
    const review: string[] = [];
    const matched = context.requestedLines.flatMap((line, requestIndex) => {
      const product = context.matches[requestIndex]?.product;
      if (!product) return [];
      if (line.quantity === null) review.push(`line ${requestIndex + 1} "${line.text}" gives no quantity; 1 assumed`);
      if (line.uncertain) review.push(`line ${requestIndex + 1} "${line.text}": the quantity is ${line.uncertain}; please check`);
      const sales = toSalesUnits({ quantity: line.quantity ?? '1', unit: line.unit, per: line.per }, product);
      if (sales.problem) review.push(`line ${requestIndex + 1} "${line.text}": ${sales.problem}`);
      return [{ requestIndex, product, quantity: sales.quantity, conversion: sales.shown }];
    });
    if (matched.length === 0) return { skipped: 'no matched lines to price', patch: { pricedLines: [] } };
    const prices = await env.erp.pricing.price({
      customerNumber: context.customer?.number ?? null,
      date: isoDateIn(env.now(), env.settings.timeZone),
      lines: matched.map((m) => ({ sku: m.product.sku, quantity: m.quantity })),
    });
    const pricedLines: PricedLine[] = matched.map((m, i) => {
      const price = prices[i]!;
      return {
        requestIndex: m.requestIndex,
        sku: m.product.sku,
        name: m.product.name,
        quantity: m.quantity,
        conversion: m.conversion,
        unit: m.product.unit,
        unitPrice: price.unitPrice,
        discountPercent: price.discountPercent,
        vatRate: price.vatRate,
        lineTotal: lineTotal(m.quantity, price.unitPrice, price.discountPercent, env.erp.lineRounding),
      };
    });
    return { patch: { pricedLines }, review };
  },
});
