import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../src/store/memory-run-store.js';
import { OFFERED_STATUSES } from '../../src/workflow/run-store.js';
import { clockAt } from '../support/clock.js';
import { contextWith, storeRun } from '../support/runner.js';

const DAY = 24 * 3_600_000;

describe('the memory run store', () => {
  it('finds the runs of the statuses asked for created since a time, a page at a time in id order, as the SQL stores do', async () => {
    const clock = clockAt('2026-11-01T10:00:00Z');
    const store = new MemoryRunStore(clock);
    const made = async (n: number, status: 'created' | 'needs_review' | 'failed' | null) => {
      const run = await store.create({ mailbox: 'rfq@seller.fi', messageId: `<${n}@putki.fi>` }, Buffer.from('x'), contextWith());
      if (status) await storeRun(store, run.id, status, contextWith());
      clock.advance(DAY);
      return run.id;
    };
    await made(1, 'created');
    const ids = [await made(2, 'created'), await made(3, 'failed'), await made(4, 'needs_review'), await made(5, null)];
    const since = new Date(Date.parse('2026-11-01T10:00:00Z') + DAY).toISOString();

    expect((await store.createdSince(since, OFFERED_STATUSES, 0, 1)).map((r) => r.id)).toEqual([ids[0]]);
    expect((await store.createdSince(since, OFFERED_STATUSES, ids[0]!, 5)).map((r) => r.id)).toEqual([ids[2]]);
    expect((await store.createdSince(since, ['failed', 'queued'], 0, 5)).map((r) => r.id)).toEqual([ids[1], ids[3]]);
  });
});
