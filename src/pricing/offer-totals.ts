import { add, multiply, percentOf, toCents, withDiscount, type DecimalString } from '../domain/money.js';
import type { OfferLine, OfferTotals } from '../domain/offer.js';

export function lineTotal(quantity: DecimalString, unitPrice: DecimalString, discountPercent: DecimalString): DecimalString {
  return toCents(withDiscount(multiply(quantity, unitPrice), discountPercent));
}

/** One VAT rate's share of an offer: the net of its lines and the VAT on that net. */
export interface VatShare {
  rate: DecimalString;
  net: DecimalString;
  vat: DecimalString;
}

/** VAT is computed once per rate on that rate's net and rounded, as an invoice shows it; rates in ascending order. */
export function vatByRate(lines: Pick<OfferLine, 'lineTotal' | 'vatRate'>[]): VatShare[] {
  const netByRate = new Map<string, DecimalString>();
  for (const line of lines) {
    netByRate.set(line.vatRate, add(netByRate.get(line.vatRate) ?? '0', line.lineTotal));
  }
  return [...netByRate]
    .map(([rate, net]) => ({ rate, net: toCents(net), vat: toCents(percentOf(net, rate)) }))
    .sort((a, b) => Number(a.rate) - Number(b.rate));
}

/** Net is the sum of the already rounded line totals; VAT the sum of each rate's rounded VAT. */
export function offerTotals(lines: Pick<OfferLine, 'lineTotal' | 'vatRate'>[], currency: string): OfferTotals {
  const shares = vatByRate(lines);
  const net = toCents(add('0', ...shares.map((s) => s.net)));
  const vat = toCents(add('0', ...shares.map((s) => s.vat)));
  return { net, vat, gross: toCents(add(net, vat)), currency };
}
