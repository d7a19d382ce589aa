import { describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { expectOnlyOffer } from '../conformance/stored-as-sent.js';
import { LEMONSOFT_HARNESSES, openedPerTest } from '../conformance/harnesses.js';
import { NO_FENCE } from '../../support/runner.js';

/**
 * Faults on Lemonsoft's own calls, step by step of its offer protocol (the neutral fault suite,
 * test/erp/conformance/erp-faults.test.ts, covers what every ERP shares): every one ends with
 * exactly one correct offer, or a clear error after which a retry makes exactly one.
 */
describe.each(LEMONSOFT_HARNESSES)('Lemonsoft faults: $name', (harness) => {
  const opened = openedPerTest(harness);
  const draft = offerDraft('OF-fault');
  const expectOneCorrectOffer = () => expectOnlyOffer(opened(), draft);

  it('fails its readiness check, saying why, while the ERP refuses calls', async () => {
    opened().faults({ fail: [{ status: 503, count: 20, match: 'alive' }] });
    await expect(opened().erp.check()).rejects.toThrow(/GET \/api\/auth\/alive failed: HTTP 503/);
  });

  it('rides out 500s on reads and updates', async () => {
    opened().faults({ fail: [{ status: 500, count: 2, match: '^GET /api/customers' }, { status: 503, count: 2, match: '^PUT /api/offers' }] });
    expect((await opened().erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  it.each(['create', 'header', 'rows'] as const)('makes exactly one offer when the connection drops right after the %s step', async (step) => {
    opened().faults({ crashAfter: [step] });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  it('sends a row list that failed with a 500 once more, and never twice', async () => {
    opened().faults({ fail: [{ status: 500, count: 1, match: 'offerrowlist$' }] });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  it('continues the offer it made after a restart between the create and header steps, not making another', async () => {
    opened().faults({ fail: [{ status: 500, count: 50, match: '^PUT /api/offers$' }] });
    await expect(opened().erp.offers.create(draft, NO_FENCE)).rejects.toThrow(/PUT \/api\/offers failed: HTTP 500/);
    expect(await opened().offerNumbers()).toHaveLength(1);
    await opened().restart();
    opened().faults({ reset: true });

    await opened().erp.offers.create(draft, NO_FENCE);

    await expectOneCorrectOffer();
  });

  it('fails clearly when the ERP stays down mid-creation, and the retry completes the same offer', async () => {
    opened().faults({ crashAfter: ['header'], fail: [{ status: 500, count: 20, match: 'offerrowlist$' }] });
    await expect(opened().erp.offers.create(draft, NO_FENCE)).rejects.toThrow(/Lemonsoft POST \/api\/offers\/\d+\/offerrowlist failed: HTTP 500/);
    opened().faults({ reset: true });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });
});
