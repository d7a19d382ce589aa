import { describe, expect, it } from 'vitest';
import type { Offer } from '../../../src/domain/offer.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { verifyOffer } from '../../../src/workflow/steps/verify-offer.js';
import { offerDraft } from '../../support/offer-draft.js';
import { contextWith, environment, NO_FENCE } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

/** An ERP that stores offers its own way: what it gives back is `alter`ed. */
function alteringErp(erp: ErpAdapter, alter: (offer: Offer) => Offer | null): ErpAdapter {
  return { ...erp, offers: { ...erp.offers, get: async (n) => { const o = await erp.offers.get(n); return o && alter(o); } } };
}

describe('verify_offer step', () => {
  it('passes when the ERP stored exactly what was sent', async () => {
    const erp = await seededErp();
    const offer = await erp.offers.create(offerDraft(), NO_FENCE);
    const output = await verifyOffer.run(contextWith({ draft: offerDraft(), offer }), environment(erp));
    await erp.close();

    expect(output.review).toEqual([]);
    expect(output.patch?.offer?.number).toBe(offer.number);
  });

  it('lists every difference between what was sent and what the ERP stored', async () => {
    const erp = await seededErp();
    const offer = await erp.offers.create(offerDraft(), NO_FENCE);
    const tampered = alteringErp(erp, (o) => ({
      ...o,
      lines: [{ ...o.lines[0]!, unitPrice: '9.00' }],
      totals: { ...o.totals, net: '81.00' },
    }));
    const output = await verifyOffer.run(contextWith({ draft: offerDraft(), offer }), environment(tampered));
    await erp.close();

    expect(output.review).toEqual([
      `offer ${offer.number} differs from what was sent: 1 rows stored, 2 sent`,
      `offer ${offer.number} differs from what was sent: row 1 unitPrice: stored 9.00, sent 8.00`,
      `offer ${offer.number} differs from what was sent: row 2 (2000020) missing`,
      `offer ${offer.number} differs from what was sent: net total: stored 81.00, sent 102.00`,
    ]);
  });

  it('fails when the offer cannot be read back', async () => {
    const erp = await seededErp();
    const offer = await erp.offers.create(offerDraft(), NO_FENCE);
    const vanishing = alteringErp(erp, () => null);
    await expect(verifyOffer.run(contextWith({ draft: offerDraft(), offer }), environment(vanishing))).rejects.toThrow('cannot be read back');
    await erp.close();
  });
});
