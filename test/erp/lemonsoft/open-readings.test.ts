import { describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { lemonsoftPerTest } from '../conformance/harnesses.js';

/** Readings of the schema under which the adapter cannot work unchanged: it must say which setting to change. */
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
