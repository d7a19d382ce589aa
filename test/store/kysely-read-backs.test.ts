import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
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

  it('finds the finished runs created since a time, a page at a time in id order', async () => {
    const made = async (n: number, status: 'created' | 'needs_review' | 'failed') => {
      const run = await store.runs.create({ mailbox: 'rfq@seller.fi', messageId: `<${n}@putki.fi>` }, Buffer.from('x'), contextWith());
      await storeRun(store.runs, run.id, status, contextWith());
      clock.advance(DAY);
      return run.id;
    };
    const old = await made(1, 'created');
    const ids = [await made(2, 'created'), await made(3, 'failed'), await made(4, 'needs_review'), await made(5, 'created')];
    const since = new Date(Date.parse('2026-11-01T10:00:00Z') + DAY).toISOString();

    expect((await store.runs.finishedSince(since, 0, 2)).map((r) => r.id)).toEqual([ids[0], ids[2]]);
    expect((await store.runs.finishedSince(since, ids[2]!, 2)).map((r) => r.id)).toEqual([ids[3]]);
    expect((await store.runs.finishedSince(new Date(0).toISOString(), 0, 10)).map((r) => r.id)).toContain(old);
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
