import { describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { faultTestsOf } from './erp-fault.js';
import { HARNESSES, openedPerTest } from './harnesses.js';
import { expectOnlyOffer } from './stored-as-sent.js';
import { stopsAfter, untilStopped } from './worker-stop.js';

/**
 * Faults between Offerflow and any ERP, named by what they do rather than by one ERP's calls:
 * every one ends with exactly one correct offer, or a clear error after which a retry makes
 * exactly one; never a duplicate. Each ERP meets the faults its harness can make happen.
 */
describe.each(HARNESSES)('ERP faults: $name', (harness) => {
  const opened = openedPerTest(harness);
  const draft = offerDraft('OF-fault');
  const expectOneCorrectOffer = () => expectOnlyOffer(opened(), draft);
  const whenItCan = faultTestsOf(harness);

  it.each([1, 2, 3])('completes, after a restart, the one offer a worker stopped after %i writes began', async (writes) => {
    await untilStopped(opened().erp.offers.create(draft, stopsAfter(writes)));
    await opened().restart();

    await opened().erp.offers.create(draft, NO_FENCE);

    await expectOneCorrectOffer();
  });

  whenItCan('unreachable', 'fails its readiness check, saying why, while the ERP cannot be reached, and passes once it can', async () => {
    opened().inject({ kind: 'unreachable' });
    await expect(opened().erp.check()).rejects.toThrow(/\w{3}/);
    opened().inject({ kind: 'reset' });
    await expect(opened().erp.check()).resolves.toBeUndefined();
  });

  whenItCan('transient', 'rides out passing failures of reads', async () => {
    opened().inject({ kind: 'transient', on: 'reads', count: 2 });
    expect((await opened().erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    expect((await opened().erp.products.getBySku('1000015'))?.sku).toBe('1000015');
  });

  whenItCan('transient', 'rides out passing failures of offer writes', async () => {
    opened().inject({ kind: 'transient', on: 'offerWrites', count: 2 });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('throttled', 'waits as long as the ERP asks when it throttles, then goes on', async () => {
    opened().inject({ kind: 'throttled', retryAfterSeconds: 1 });
    const started = Date.now();
    await opened().erp.offers.create(draft, NO_FENCE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await expectOneCorrectOffer();
  });

  whenItCan('loginExpired', 'logs in again once when its login stops being accepted early, and repeats the call', async () => {
    expect(await opened().erp.persons.getByNumber('101')).not.toBeNull();
    const before = opened().logins();
    opened().inject({ kind: 'loginExpired' });
    await opened().erp.offers.create(draft, NO_FENCE);
    expect(opened().logins()).toBe(before + 1);
    await expectOneCorrectOffer();
  });

  whenItCan('answersLost', 'makes exactly one offer when the answer to its first write is lost', async () => {
    opened().inject({ kind: 'answersLost', writes: 'first' });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('answersLost', 'makes exactly one offer when the answer to every kind of write is lost once', async () => {
    opened().inject({ kind: 'answersLost', writes: 'every' });
    await opened().erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('writesRefused', 'fails clearly while the ERP refuses writes, and the retry makes exactly one offer', async () => {
    opened().inject({ kind: 'writesRefused' });
    await expect(opened().erp.offers.create(draft, NO_FENCE)).rejects.toThrow(/\w{3}/);
    expect((await opened().offerNumbers()).length).toBeLessThanOrEqual(1);
    opened().inject({ kind: 'reset' });

    await opened().erp.offers.create(draft, NO_FENCE);

    await expectOneCorrectOffer();
  });
});
