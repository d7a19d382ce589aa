import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { OFFERED_STATUSES, runsCreatedSince, STORED_RUN_STATUSES } from '../../src/workflow/run-store.js';
import { clockAt } from '../support/clock.js';
import { contextWith, storeRun } from '../support/runner.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const DAY = 24 * 3_600_000;
const request = (holder: string, now: Date) => ({ holder, now: now.toISOString(), until: new Date(now.getTime() + 60_000).toISOString(), isGone: () => false });

describe.each(STORE_BACKENDS)('reading offers back, in the store on $name', (backend) => {
  const clock = clockAt('2026-11-01T10:00:00Z');
  const opened = storePerTest(backend, clock);
  let store: Store;
  beforeEach(() => {
    store = opened().store;
  });

  it('finds the runs of the statuses asked for created since a time, a page at a time in id order', async () => {
    const made = async (n: number, status: 'created' | 'needs_review' | 'failed' | 'not_an_rfq') => {
      const run = await store.runs.create({ mailbox: 'rfq@seller.fi', messageId: `<${n}@putki.fi>` }, Buffer.from('x'), contextWith());
      await storeRun(store.runs, run.id, status, contextWith());
      clock.advance(DAY);
      return run.id;
    };
    const old = await made(1, 'created');
    const ids = [await made(2, 'created'), await made(3, 'failed'), await made(4, 'needs_review'), await made(5, 'created'), await made(6, 'not_an_rfq')];
    const queued = (await store.runs.create({ mailbox: 'rfq@seller.fi', messageId: '<7@putki.fi>' }, Buffer.from('x'), contextWith())).id;
    const since = new Date(Date.parse('2026-11-01T10:00:00Z') + DAY).toISOString();

    expect((await store.runs.createdSince(since, OFFERED_STATUSES, 0, 2)).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect((await store.runs.createdSince(since, OFFERED_STATUSES, ids[2]!, 2)).map((r) => r.id)).toEqual([ids[3]]);
    expect((await store.runs.createdSince(new Date(0).toISOString(), OFFERED_STATUSES, 0, 10)).map((r) => r.id)).toContain(old);
    expect((await store.runs.createdSince(since, ['failed', 'not_an_rfq', 'queued'], 0, 10)).map((r) => r.id)).toEqual([ids[1], ids[4], queued]);
    expect((await store.runs.createdSince(since, STORED_RUN_STATUSES, ids[1]!, 3)).map((r) => r.id)).toEqual([ids[2], ids[3], ids[4]]);
    expect(await store.runs.createdSince(since, [], 0, 10)).toEqual([]);
  });

  it('reads a period whole through the pages, however many there are', async () => {
    const made = [];
    for (let n = 0; n < 205; n += 1) made.push((await store.runs.create({ mailbox: 'rfq@seller.fi', messageId: `<p${n}@putki.fi>` }, Buffer.from('x'), contextWith())).id);
    const read = [];
    for await (const run of runsCreatedSince(store.runs, new Date(0).toISOString(), ['queued'])) read.push(run.id);

    expect(read).toEqual(made);
  });

  it('keeps what each offer taught, replacing it when read again', async () => {
    expect(await store.readBacks.get(7)).toBeNull();
    await store.readBacks.put({ runId: 7, offerNumber: '10001', written: 'w1', learned: { 2: '1000022' }, readAt: 'a' });
    await store.readBacks.put({ runId: 7, offerNumber: '10001', written: 'w2', learned: { 1: '3000325', 2: '1000022' }, readAt: 'b' });

    expect(await store.readBacks.get(7)).toEqual({ runId: 7, offerNumber: '10001', written: 'w2', learned: { 1: '3000325', 2: '1000022' }, readAt: 'b' });
  });

  it('gives the lease to one connection at a time, and says when the last pass ended', async () => {
    const other = await opened().another();
    try {
      const now = clock.now();
      const taken = await store.readBackLease.take(request('host:1:a', now), null);
      expect(taken).toMatchObject({ kind: 'taken' });
      expect(await other.readBackLease.take(request('host:2:b', now), null)).toMatchObject({ kind: 'held', holder: 'host:1:a' });
      if (taken.kind !== 'taken') throw new Error('not taken');
      expect(await store.readBackLease.renew(taken.token, 'host:1:a', now.toISOString(), new Date(now.getTime() + 120_000).toISOString())).toBe(true);
      await store.readBackLease.release(taken.token, now.toISOString());

      expect(await other.readBackLease.take(request('host:2:b', now), new Date(now.getTime() - 1).toISOString())).toEqual({ kind: 'recent', at: now.toISOString() });
      const later = new Date(now.getTime() + 120_000);
      expect(await other.readBackLease.take(request('host:2:b', later), null)).toMatchObject({ kind: 'taken' });
      expect(await store.readBackLease.renew(taken.token, 'host:1:a', later.toISOString(), later.toISOString())).toBe(false);
    } finally {
      await other.close();
    }
  });
});
