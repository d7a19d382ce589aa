import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { faultTestsOf } from './erp-fault.js';
import { HARNESSES, type ErpUnderTest } from './harnesses.js';
import { expectStoredAsSent } from './stored-as-sent.js';
import { stopsAfter, untilStopped } from './worker-stop.js';

/**
 * Faults while any ERP's offer is replaced: every one ends with exactly the draft, or a clear
 * error after which a retry makes it so; never a duplicated or lost row, never a second offer.
 */
describe.each(HARNESSES)('ERP faults, replacing an offer: $name', (harness) => {
  let under: ErpUnderTest;

  beforeEach(async () => {
    under = await harness.open();
    await under.erp.offers.create(offerDraft('OF-rep-fault'), NO_FENCE);
  });

  afterEach(async () => {
    await under.close();
  });

  const draft = reviewedDraft('OF-rep-fault');
  const expectExactlyTheDraft = async () => {
    const numbers = await under.offerNumbers();
    expect(numbers).toHaveLength(1);
    expectStoredAsSent(await under.erp.offers.get(numbers[0]!), draft);
  };
  const whenItCan = faultTestsOf(harness);

  it.each([1, 2, 3])('ends with exactly the draft, after a restart, when a worker stopped after %i writes began', async (writes) => {
    await untilStopped(under.erp.offers.replace(draft, stopsAfter(writes)));
    await under.restart();

    await under.erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });

  whenItCan('transient', 'rides out passing failures of its writes', async () => {
    under.inject({ kind: 'transient', on: 'offerWrites', count: 3 });
    await under.erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  whenItCan('answersLost', 'ends with exactly the draft when the answer to every kind of write is lost once', async () => {
    under.inject({ kind: 'answersLost', writes: 'every' });
    await under.erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  whenItCan('writesRefused', 'fails clearly while the ERP refuses writes, and the retry ends with exactly the draft', async () => {
    under.inject({ kind: 'writesRefused' });
    await expect(under.erp.offers.replace(draft, NO_FENCE)).rejects.toThrow(/\w{3}/);
    under.inject({ kind: 'reset' });

    await under.erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });
});
