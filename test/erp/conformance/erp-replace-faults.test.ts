import { describe, expect, it } from 'vitest';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { faultTestsOf } from './erp-fault.js';
import { HARNESSES, openedPerTest } from './harnesses.js';
import { expectOnlyOffer } from './stored-as-sent.js';
import { stopsAfter, untilStopped } from './worker-stop.js';

/**
 * Faults while any ERP's offer is replaced: every one ends with exactly the draft, or a clear
 * error after which a retry makes it so; never a duplicated or lost row, never a second offer.
 */
describe.each(HARNESSES)('ERP faults, replacing an offer: $name', (harness) => {
  const opened = openedPerTest(harness, (fresh) => fresh.erp.offers.create(offerDraft('OF-rep-fault'), NO_FENCE));
  const draft = reviewedDraft('OF-rep-fault');
  const expectExactlyTheDraft = () => expectOnlyOffer(opened(), draft);
  const whenItCan = faultTestsOf(harness);

  it.each([1, 2, 3])('ends with exactly the draft, after a restart, when a worker stopped after %i writes began', async (writes) => {
    await untilStopped(opened().erp.offers.replace(draft, stopsAfter(writes)));
    await opened().restart();

    await opened().erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });

  whenItCan('transient', 'rides out passing failures of its writes', async () => {
    opened().inject({ kind: 'transient', on: 'offerWrites', count: 3 });
    await opened().erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  whenItCan('answersLost', 'ends with exactly the draft when the answer to every kind of write is lost once', async () => {
    opened().inject({ kind: 'answersLost', writes: 'every' });
    await opened().erp.offers.replace(draft, NO_FENCE);
    await expectExactlyTheDraft();
  });

  whenItCan('writesRefused', 'fails clearly while the ERP refuses writes, and the retry ends with exactly the draft', async () => {
    opened().inject({ kind: 'writesRefused' });
    await expect(opened().erp.offers.replace(draft, NO_FENCE)).rejects.toThrow(/\w{3}/);
    opened().inject({ kind: 'reset' });

    await opened().erp.offers.replace(draft, NO_FENCE);

    await expectExactlyTheDraft();
  });
});
