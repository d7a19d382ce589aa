import type { OfferDraft, OfferLine } from '../../src/domain/offer.js';
import { lineTotal, offerTotals } from '../../src/pricing/offer-totals.js';

export function offerDraft(reference = 'OF-test'): OfferDraft {
  return {
    reference,
    customer: { number: '20001', name: 'Putki Oy' },
    sellerNumber: '101',
    customerReference: 'Tarjouspyyntö',
    date: '2026-11-24',
    validUntil: '2026-12-24',
    note: null,
    lines: [
      { position: 1, sku: '1000015', name: 'Kupariputki 15x1,0 kova', quantity: '10', unit: 'm', unitPrice: '8.00', discountPercent: '10', vatRate: '25.5', lineTotal: '72.00', note: null },
      { position: 2, sku: '2000020', name: 'Palloventtiili DN20 3/4" sk/sk', quantity: '2', unit: 'kpl', unitPrice: '15.00', discountPercent: '0', vatRate: '25.5', lineTotal: '30.00', note: null },
    ],
    totals: { net: '102.00', vat: '26.01', gross: '128.01', currency: 'EUR' },
  };
}

/**
 * `offerDraft` as a salesperson approved it: another customer, salesperson, texts and dates;
 * line 1 changed, line 2 removed, lines 3 and 4 added, totals to match.
 */
export function reviewedDraft(reference = 'OF-test'): OfferDraft {
  const original = offerDraft(reference);
  const lines: OfferLine[] = [
    { ...original.lines[0]!, quantity: '12', lineTotal: lineTotal('12', '8.00', '10') },
    { position: 3, sku: '3000325', name: 'MMJ 3x2,5S', quantity: '100', unit: 'm', unitPrice: '1.00', discountPercent: '5', vatRate: '14', lineTotal: lineTotal('100', '1.00', '5'), note: 'kelalla' },
    { position: 4, sku: '1000022', name: 'Kupariputki 22x1,0 kova', quantity: '3', unit: 'm', unitPrice: '10.00', discountPercent: '0', vatRate: '25.5', lineTotal: lineTotal('3', '10.00', '0'), note: null },
  ];
  return {
    ...original,
    customer: { number: '20002', name: 'Jaettu Alpha Oy' },
    sellerNumber: '102',
    customerReference: 'Tilaus 55/26',
    date: '2026-11-26',
    validUntil: '2027-01-15',
    note: 'Toimitus viikolla 50',
    lines,
    totals: offerTotals(lines, 'EUR'),
  };
}

/** A draft with these lines, totals to match. */
export function withLines(draft: OfferDraft, lines: OfferLine[]): OfferDraft {
  return { ...draft, lines, totals: offerTotals(lines, draft.totals.currency) };
}
