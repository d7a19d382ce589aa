import { describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { lemonsoftPerTest } from '../conformance/harnesses.js';

/**
 * Readings of the schema under which the adapter cannot work unchanged: it says which setting
 * to change, or, where no setting helps, what Lemonsoft does that Offerflow cannot work with.
 */
describe('Lemonsoft under an offer search that does not cover our reference', () => {
  const opened = lemonsoftPerTest();

  it('names the setting to change, and a retry continues the same offer instead of making another', async () => {
    const { sim, erp } = opened();
    sim.setFaults({ variant: { searchIgnoresReference: true } });
    const draft = offerDraft('OF-blind-1');
    const expected = /GET \/api\/offers failed: offer (\d+) is not found by its offer_our_reference 'OF-blind-1' through Lemonsoft's offer search \(filter\.search\).*set erp\.settings\.offerLookup to "scan"/;
    await expect(erp.offers.create(draft, NO_FENCE)).rejects.toThrow(expected);
    await expect(erp.offers.create(draft, NO_FENCE)).rejects.toThrow(expected);
    expect(sim.calls.filter((c) => c === 'POST /api/offers/:id')).toHaveLength(1);
  });
});

describe('Lemonsoft under a price endpoint that answers one resolved price', () => {
  const opened = lemonsoftPerTest();

  it('names the setting that reads the price lists instead, rather than missing the quantity breaks', async () => {
    const { sim, erp } = opened();
    sim.setFaults({ variant: { priceAnswer: 'resolved' } });
    await expect(erp.pricing.price({ customerNumber: '20001', date: '2026-11-24', lines: [{ sku: '2000020', quantity: '10' }] })).rejects.toThrow(
      /GET \/api\/pricelists\/1\/2000020 failed: answers one resolved price .*set erp\.settings\.priceSource to "pricelists"/,
    );
  });
});

describe('Lemonsoft renumbering the rows it is sent', () => {
  const opened = lemonsoftPerTest();

  it('fails saying so, having sent the rows once, and a retry adds none', async () => {
    const { sim, erp } = opened();
    sim.setFaults({ variant: { renumberRows: true } });
    const expected = /GET \/api\/offers\/\d+ failed: offer \d+ holds rows at positions 10, 20, which the draft \(1, 2\) lacks: Offerflow knows a row by the position it sends, and this Lemonsoft does not keep it/;
    await expect(erp.offers.create(offerDraft('OF-renumbered-1'), NO_FENCE)).rejects.toThrow(expected);
    await expect(erp.offers.create(offerDraft('OF-renumbered-1'), NO_FENCE)).rejects.toThrow(expected);
    expect(sim.calls.filter((c) => c === 'POST /api/offers/:id/offerrowlist')).toHaveLength(1);
  });
});
