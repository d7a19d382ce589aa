import { beforeEach, describe, expect, it } from 'vitest';
import { LemonsoftClient } from '../../../src/erp/lemonsoft/client.js';
import { offerSchema } from '../../../src/erp/lemonsoft/wire.js';
import type { RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import type { Store } from '../../../src/store/open-store.js';
import { offerDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { CREDENTIALS, lemonsoftPerTest } from '../conformance/harnesses.js';
import { systemClock } from '../../../src/time/clock.js';

describe('Lemonsoft: an empty offer whose answer was lost', () => {
  const opened = lemonsoftPerTest();
  let sim: RunningSimulator;
  let store: Store;
  let erp: ErpAdapter;

  beforeEach(() => {
    ({ sim, erp, store } = opened());
  });

  it('is not adopted while another creation, perhaps in another process, waits for its own answer; once that one is done it is', async () => {
    const draft = offerDraft('OF-lost');
    await store.offerJournal.begin('OF-other', new Date().toISOString());
    sim.setFaults({ crashAfter: ['create'] });

    await expect(erp.offers.create(draft, NO_FENCE)).rejects.toThrow(/answer lost while another offer was being created/);

    await store.offerJournal.named('OF-other');
    const offer = await erp.offers.create(draft, NO_FENCE);
    expect(offer.reference).toBe('OF-lost');
    expect(await erp.offers.get(String(Number(offer.number) + 1))).toBeNull();
    expect(await erp.offers.get(String(Number(offer.number) - 1))).toBeNull();
  });

  it('is never taken from another creation that has noted it as its own', async () => {
    const client = new LemonsoftClient({ baseUrl: sim.url, credentials: CREDENTIALS, timeoutMs: 5_000, maxRetries: 0, retryBaseMs: 5, concurrency: 1, renewAfterMs: 60_000, pageSize: 10, clock: systemClock });
    const theirs = await client.send('POST', '/api/offers/6', undefined, offerSchema);
    await store.offerJournal.begin('OF-theirs', new Date(Date.now() - 60_000).toISOString());
    await store.offerJournal.made('OF-theirs', theirs.offer_number);
    sim.setFaults({ crashAfter: ['create'] });

    const mine = await erp.offers.create(offerDraft('OF-mine'), NO_FENCE);

    expect(mine.number).not.toBe(String(theirs.offer_number));
    expect((await client.get(`/api/offers/${theirs.offer_number}`, {}, offerSchema)).offer_our_reference ?? null).toBeNull();
  });
});
