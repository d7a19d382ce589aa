import { add, multiply, percentOf, toCents, withDiscount, type DecimalString } from '../domain/money.js';
import type { OfferLine, OfferTotals } from '../domain/offer.js';

export function lineTotal(quantity: DecimalString, unitPrice: DecimalString, discountPercent: DecimalString): DecimalString {
  return toCents(withDiscount(multiply(quantity, unitPrice), discountPercent));
}

/**
 * Net is the sum of the already rounded line totals; VAT is computed once per rate on that
 * rate's net and rounded, as an invoice shows it.
 */
export function offerTotals(lines: Pick<OfferLine, 'lineTotal' | 'vatRate'>[], currency: string): OfferTotals {
  const netByRate = new Map<string, DecimalString>();
  for (const line of lines) {
    netByRate.set(line.vatRate, add(netByRate.get(line.vatRate) ?? '0', line.lineTotal));
  }
  const net = toCents(add('0', ...netByRate.values()));
  const vat = toCents(add('0', ...[...netByRate].map(([rate, amount]) => toCents(percentOf(amount, rate)))));
  return { net, vat, gross: toCents(add(net, vat)), currency };
}
