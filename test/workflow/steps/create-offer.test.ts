import { describe, expect, it } from 'vitest';
import { createOffer } from '../../../src/workflow/steps/create-offer.js';
import { offerDraft } from '../../support/offer-draft.js';
import { contextWith, environment, NO_FENCE } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

describe('create_offer step', () => {
  it('creates the offer in the ERP', async () => {
    const erp = await seededErp();
    const output = await createOffer.run(contextWith({ draft: offerDraft() }), environment(erp));

    expect(output.patch?.offer?.number).toBe('10001');
    expect((await erp.offers.findByReference('OF-test'))?.number).toBe('10001');
    await erp.close();
  });

  it('adopts an offer an interrupted attempt already created for this email', async () => {
    const erp = await seededErp();
    const earlier = await erp.offers.create(offerDraft(), NO_FENCE);
    const output = await createOffer.run(contextWith({ draft: offerDraft() }), environment(erp));

    expect(output.patch?.offer?.number).toBe(earlier.number);
    expect(output.warnings?.[0]).toContain('already existed');
    expect(await erp.offers.get(String(Number(earlier.number) + 1))).toBeNull();
    await erp.close();
  });

  it('writes nothing on a dry run', async () => {
    const erp = await seededErp();
    const output = await createOffer.run(contextWith({ draft: offerDraft() }, true), environment(erp));

    expect(output.skipped).toContain('dry run');
    expect(await erp.offers.findByReference('OF-test')).toBeNull();
    await erp.close();
  });
});
