import type { OfferDraft } from '../../src/domain/offer.js';

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
