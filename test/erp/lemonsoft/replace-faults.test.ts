import { describe, expect, it } from 'vitest';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { LEMONSOFT_HARNESSES, openedPerTest } from '../conformance/harnesses.js';
import { expectOnlyOffer, expectStoredAsSent } from '../conformance/stored-as-sent.js';

/**
 * Faults while a networked ERP's offer is replaced, which takes several calls: every one ends
 * with exactly the draft, or a clear error after which a retry makes it so; never a duplicated
 * or lost row, never a second offer.
 */
describe.each(LEMONSOFT_HARNESSES)('Lemonsoft faults, replacing an offer: $name', (harness) => {
  const opened = openedPerTest(harness, (fresh) => fresh.erp.offers.create(offerDraft('OF-rep-fault'), NO_FENCE));
  const draft = reviewedDraft('OF-rep-fault');
  const expectExactlyTheDraft = () => expectOnlyOffer(opened(), draft);
  const writes = () => opened().calls().filter((c) => !c.startsWith('GET '));
  const sent = (call: string) => opened().calls().filter((c) => c === call).length;

  it('changes the offer with its header and one call per kind of row change', async () => {
    const before = writes().length;
    await opened().erp.offers.replace(draft, NO_FENCE);
    expect(writes().slice(before)).toEqual(['PUT /api/offers', 'DELETE /api/offers/:id/offerrowlist', 'PUT /api/offers/:id/offerrowlist', 'POST /api/offers/:id/offerrowlist']);
    await expectExactlyTheDraft();
  });

  it('sends no write when the offer already is the draft', async () => {
    await opened().erp.offers.replace(draft, NO_FENCE);
    const before = writes().length;
    await opened().erp.offers.replace(draft, NO_FENCE);
    expect(writes().slice(before).filter((c) => c !== 'POST /api/auth/login')).toEqual([]);
  });

  it.each(['header', 'deleteRows', 'updateRows', 'rows'] as const)('ends with exactly the draft when the connection drops right after the %s step', async (step) => {
    opened().faults({ crashAfter: [step] });
    await opened().erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  it('creates exactly one offer when the connection drops after each step of a replace that has to create it', async () => {
    const fresh = reviewedDraft('OF-rep-fresh');
    opened().faults({ crashAfter: ['create', 'header', 'rows'] });
    const replaced = await opened().erp.offers.replace(fresh, NO_FENCE);
    expectStoredAsSent(replaced, fresh);
    expect(await opened().offerNumbers()).toHaveLength(2);
  });

  it.each([
    ['DELETE', 'deleteRows'],
    ['PUT', 'updateRows'],
  ] as const)('reads the offer back instead of repeating a row %s whose answer was lost', async (method, step) => {
    opened().faults({ crashAfter: [step] });
    await opened().erp.offers.replace(draft, NO_FENCE);
    expect(sent(`${method} /api/offers/:id/offerrowlist`)).toBe(1);
    await expectExactlyTheDraft();
  });

  it('rides out 5xx on every call of a replace', async () => {
    opened().faults({
      fail: [
        { status: 503, count: 2, match: '^PUT /api/offers$' },
        { status: 500, count: 2, match: '^DELETE /api/offers/\\d+/offerrowlist$' },
        { status: 502, count: 1, match: '^PUT /api/offers/\\d+/offerrowlist$' },
        { status: 500, count: 1, match: '^POST /api/offers/\\d+/offerrowlist$' },
        { status: 503, count: 1, match: '^GET /api/offers/\\d+$' },
      ],
    });
    await opened().erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  it('fails clearly while the ERP refuses the row calls, and the retry ends with exactly the draft', async () => {
    opened().faults({ fail: [{ status: 500, count: 50, match: 'offerrowlist$' }] });
    await expect(opened().erp.offers.replace(draft, NO_FENCE)).rejects.toThrow(/Lemonsoft DELETE \/api\/offers\/\d+\/offerrowlist failed: HTTP 500/);
    opened().faults({ reset: true });

    await opened().erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });

  // Additions come last: after their crash there is nothing left to stop before.
  it.each([
    ['header', 'PUT /api/offers'],
    ['deleteRows', 'DELETE /api/offers/:id/offerrowlist'],
    ['updateRows', 'PUT /api/offers/:id/offerrowlist'],
  ] as const)('ends with exactly the draft when the connection drops after the %s step and the worker stops there, once another process retries', async (step, call) => {
    opened().faults({ crashAfter: [step] });
    const from = opened().calls().length;
    const stopsAfterTheCrash = async () => {
      if (opened().calls().slice(from).includes(call)) throw new Error('worker stopped');
    };
    await expect(opened().erp.offers.replace(draft, stopsAfterTheCrash)).rejects.toThrow('worker stopped');
    const halfway = await opened().erp.offers.findByReference(draft.reference);
    expect(() => expectStoredAsSent(halfway, draft)).toThrow();
    await opened().restart();

    await opened().erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });
});
