import { describe, expect, it } from 'vitest';
import type { LineMatch } from '../../../src/domain/line-match.js';
import type { RequestedLine } from '../../../src/domain/requested-line.js';
import type { PricedLine } from '../../../src/workflow/context.js';
import { buildOffer } from '../../../src/workflow/steps/build-offer.js';
import { parsedEmail } from '../../support/parsed-email.js';
import { contextWith, environment } from '../../support/runner.js';
import { CUSTOMERS, seededErp } from '../../support/seller.js';

const requested: RequestedLine[] = [
  { text: 'Kupariputki 15 10 m', description: 'Kupariputki 15', quantity: '10', unit: 'm', code: null, per: null, uncertain: null },
  { text: 'Jakotukki 6-piiri 1 kpl', description: 'Jakotukki 6-piiri', quantity: '1', unit: 'kpl', code: null, per: null, uncertain: null },
  { text: 'MMJ 3x2,5S 100 m', description: 'MMJ 3x2,5S', quantity: '100', unit: 'm', code: null, per: null, uncertain: null },
];
const noMatch: LineMatch = { product: null, confidence: 0, method: 'none', alternatives: [] };
const priced: PricedLine[] = [
  { requestIndex: 0, sku: '1000015', name: 'Kupariputki 15x1,0 kova', quantity: '10', unit: 'm', unitPrice: '8.00', discountPercent: '10', vatRate: '25.5', lineTotal: '72.00', conversion: null },
  { requestIndex: 2, sku: '3000325', name: 'MMJ 3x2,5S', quantity: '100', unit: 'm', unitPrice: '1.00', discountPercent: '0', vatRate: '14', lineTotal: '100.00', conversion: null },
];

describe('build_offer step', () => {
  it('builds the draft: numbered lines, dates in the seller’s zone, totals per VAT rate, unmatched lines in the note', async () => {
    const erp = await seededErp();
    const context = contextWith({
      customer: CUSTOMERS[0]!,
      requestedLines: requested,
      matches: [noMatch, noMatch, noMatch],
      pricedLines: priced,
      email: parsedEmail({ subject: 'Tarjouspyyntö', from: { address: 'matti@putki.fi', name: '' } }),
    });
    const output = await buildOffer.run(context, environment(erp, { now: () => new Date('2026-11-30T22:30:00Z') }));
    await erp.close();
    const draft = output.patch?.draft;

    expect(draft?.reference).toBe('OF-test');
    expect(draft?.customer).toEqual({ number: '20001', name: 'Putki Oy' });
    expect(draft?.sellerNumber).toBe('102');
    expect(draft?.date).toBe('2026-12-01');
    expect(draft?.validUntil).toBe('2026-12-31');
    expect(draft?.lines.map((l) => [l.position, l.sku, l.note])).toEqual([
      [1, '1000015', 'Kupariputki 15 10 m'],
      [2, '3000325', 'MMJ 3x2,5S 100 m'],
    ]);
    expect(draft?.totals).toEqual({ net: '172.00', vat: '32.36', gross: '204.36', currency: 'EUR' });
    expect(draft?.note).toContain('Jakotukki 6-piiri 1 kpl');
  });

  it('is skipped when nothing was priced', async () => {
    const erp = await seededErp();
    const output = await buildOffer.run(contextWith({ pricedLines: [] }), environment(erp));
    await erp.close();

    expect(output.skipped).toBeTruthy();
    expect(output.patch?.draft).toBeUndefined();
  });
});
