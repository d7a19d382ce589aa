import { beforeEach, describe, expect, it } from 'vitest';
import { LemonsoftClient } from '../../../src/erp/lemonsoft/client.js';
import { offerRowToWire } from '../../../src/erp/lemonsoft/mapper.js';
import type { RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import { offerSchema } from '../../../src/erp/lemonsoft/wire.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock } from '../../../src/time/clock.js';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { CREDENTIALS, lemonsoftPerTest } from '../conformance/harnesses.js';
import { expectStoredAsSent } from '../conformance/stored-as-sent.js';
import { z } from 'zod';

const until = async (what: () => boolean) => {
  while (!what()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('Lemonsoft: replacing an offer someone else also changes', () => {
  const opened = lemonsoftPerTest();
  let sim: RunningSimulator;
  let erp: ErpAdapter;
  let client: LemonsoftClient;

  beforeEach(() => {
    ({ sim, erp } = opened());
    client = new LemonsoftClient({ baseUrl: sim.url, credentials: CREDENTIALS, timeoutMs: 5_000, maxRetries: 0, retryBaseMs: 5, concurrency: 1, renewAfterMs: 60_000, pageSize: 10, clock: systemClock });
  });

  const rowsOf = async (number: string) => (await client.get(`/api/offers/${number}`, {}, offerSchema)).offer_rows ?? [];

  it('plans again when a row it is updating is deleted on the way, and ends with exactly the draft', async () => {
    const created = await erp.offers.create(offerDraft('OF-stale'), NO_FENCE);
    const [first] = await rowsOf(created.number);
    sim.setFaults({ delay: [{ ms: 300, match: '^PUT /api/offers/\\d+/offerrowlist$' }] });

    const replacing = erp.offers.replace(reviewedDraft('OF-stale'), NO_FENCE);
    await until(() => sim.calls.includes('PUT /api/offers/:id/offerrowlist'));
    await client.send('DELETE', `/api/offers/${created.number}/offerrowlist`, [first!.id], z.unknown());

    expectStoredAsSent(await replacing, reviewedDraft('OF-stale'));
    const after = await rowsOf(created.number);
    expect(after).toHaveLength(3);
    expect(after.map((row) => row.id)).not.toContain(first!.id);
  });

  it('keeps one row of several at a position, and removes rows at positions of none of ours', async () => {
    const created = await erp.offers.create(offerDraft('OF-doubled'), NO_FENCE);
    const [line] = offerDraft('OF-doubled').lines;
    const byHand = { ...offerRowToWire(line!), position: null, product_name: 'added by hand' };
    await client.send('POST', `/api/offers/${created.number}/offerrowlist`, [offerRowToWire(line!), byHand], z.unknown());

    expectStoredAsSent(await erp.offers.replace(offerDraft('OF-doubled'), NO_FENCE), offerDraft('OF-doubled'));
    expect(await rowsOf(created.number)).toHaveLength(2);
  });
});
