import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { faultTestsOf } from './erp-fault.js';
import { HARNESSES, type ErpUnderTest } from './harnesses.js';
import { expectStoredAsSent } from './stored-as-sent.js';
import { stopsAfter, untilStopped } from './worker-stop.js';

/**
 * Faults between Offerflow and any ERP, named by what they do rather than by one ERP's calls:
 * every one ends with exactly one correct offer, or a clear error after which a retry makes
 * exactly one; never a duplicate. Each ERP meets the faults its harness can make happen.
 */
describe.each(HARNESSES)('ERP faults: $name', (harness) => {
  let under: ErpUnderTest;

  beforeEach(async () => {
    under = await harness.open();
  });

  afterEach(async () => {
    await under.close();
  });

  const draft = offerDraft('OF-fault');
  const expectOneCorrectOffer = async () => {
    const numbers = await under.offerNumbers();
    expect(numbers).toHaveLength(1);
    expectStoredAsSent(await under.erp.offers.get(numbers[0]!), draft);
  };
  const whenItCan = faultTestsOf(harness);

  it.each([1, 2, 3])('completes, after a restart, the one offer a worker stopped after %i writes began', async (writes) => {
    await untilStopped(under.erp.offers.create(draft, stopsAfter(writes)));
    await under.restart();

    await under.erp.offers.create(draft, NO_FENCE);

    await expectOneCorrectOffer();
  });

  whenItCan('unreachable', 'fails its readiness check, saying why, while the ERP cannot be reached, and passes once it can', async () => {
    under.inject({ kind: 'unreachable' });
    await expect(under.erp.check()).rejects.toThrow(/\w{3}/);
    under.inject({ kind: 'reset' });
    await expect(under.erp.check()).resolves.toBeUndefined();
  });

  whenItCan('transient', 'rides out passing failures of reads', async () => {
    under.inject({ kind: 'transient', on: 'reads', count: 2 });
    expect((await under.erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    expect((await under.erp.products.getBySku('1000015'))?.sku).toBe('1000015');
  });

  whenItCan('transient', 'rides out passing failures of offer writes', async () => {
    under.inject({ kind: 'transient', on: 'offerWrites', count: 2 });
    await under.erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('throttled', 'waits as long as the ERP asks when it throttles, then goes on', async () => {
    under.inject({ kind: 'throttled', retryAfterSeconds: 1 });
    const started = Date.now();
    await under.erp.offers.create(draft, NO_FENCE);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await expectOneCorrectOffer();
  });

  whenItCan('loginExpired', 'logs in again once when its login stops being accepted early, and repeats the call', async () => {
    expect(await under.erp.persons.getByNumber('101')).not.toBeNull();
    const before = under.logins();
    under.inject({ kind: 'loginExpired' });
    await under.erp.offers.create(draft, NO_FENCE);
    expect(under.logins()).toBe(before + 1);
    await expectOneCorrectOffer();
  });

  whenItCan('answersLost', 'makes exactly one offer when the answer to its first write is lost', async () => {
    under.inject({ kind: 'answersLost', writes: 'first' });
    await under.erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('answersLost', 'makes exactly one offer when the answer to every kind of write is lost once', async () => {
    under.inject({ kind: 'answersLost', writes: 'every' });
    await under.erp.offers.create(draft, NO_FENCE);
    await expectOneCorrectOffer();
  });

  whenItCan('writesRefused', 'fails clearly while the ERP refuses writes, and the retry makes exactly one offer', async () => {
    under.inject({ kind: 'writesRefused' });
    await expect(under.erp.offers.create(draft, NO_FENCE)).rejects.toThrow(/\w{3}/);
    expect((await under.offerNumbers()).length).toBeLessThanOrEqual(1);
    under.inject({ kind: 'reset' });

    await under.erp.offers.create(draft, NO_FENCE);

    await expectOneCorrectOffer();
  });
});
