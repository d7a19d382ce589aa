import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../src/store/memory-run-store.js';
import { claimRun, type ClaimSettings } from '../../src/workflow/run-claim.js';
import { contextWith } from '../support/runner.js';

const KEY = { mailbox: 'rfq@seller.fi', messageId: '<claim@putki.fi>' };

function settings(self: string, overrides: Partial<ClaimSettings> = {}): ClaimSettings {
  return { holders: { self, isGone: () => false }, leaseMs: 60_000, waitPollMs: 5, maxWriteMs: 0, ...overrides };
}

const never = () => false;
const now = () => new Date();

async function storeWithRun(): Promise<{ store: MemoryRunStore; id: number }> {
  const store = new MemoryRunStore();
  const { id } = await store.create(KEY, Buffer.from('x'), contextWith());
  return { store, id };
}

describe('claimRun', () => {
  it('waits while another worker holds the run, and answers nothing to do once that worker has finished it', async () => {
    const { store, id } = await storeWithRun();
    const first = (await claimRun(store, id, settings('a'), now, never))!;
    const waiting = claimRun(store, id, settings('b'), now, (status) => status === 'created');

    await new Promise((resolve) => setTimeout(resolve, 30));
    await first.save('created', contextWith());
    await first.release();

    expect(await waiting).toBeNull();
  });

  it('takes a run from a worker that gave it back unfinished', async () => {
    const { store, id } = await storeWithRun();
    const first = (await claimRun(store, id, settings('a'), now, never))!;
    const waiting = claimRun(store, id, settings('b'), now, never);
    await first.release();

    expect((await waiting)?.token).toBe(first.token + 1);
  });

  it('lets a worker whose claim ran out and was taken over neither write nor save', async () => {
    const { store, id } = await storeWithRun();
    const stalled = (await claimRun(store, id, settings('a', { leaseMs: 20 }), now, never))!;
    // The stalled worker's heartbeat is stopped, as in a process that does not run.
    await stalled.release();
    await store.claim(id, { holder: 'a', now: new Date().toISOString(), until: new Date(Date.now() + 20).toISOString(), isGone: () => false });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const taker = (await claimRun(store, id, settings('b'), now, never))!;

    await expect(stalled.fence()).rejects.toMatchObject({ code: 'claim_lost' });
    await expect(stalled.save('created', contextWith())).rejects.toMatchObject({ code: 'claim_lost' });
    await expect(taker.fence()).resolves.toBeUndefined();
    await taker.release();
  });

  it('makes a worker that took over a run that ran out wait, before writing, until the old holder’s writes are over', async () => {
    const { store, id } = await storeWithRun();
    const expiresAt = Date.now() + 20;
    await store.claim(id, { holder: 'stalled', now: new Date().toISOString(), until: new Date(expiresAt).toISOString(), isGone: () => false });
    await new Promise((resolve) => setTimeout(resolve, 30));

    const taker = (await claimRun(store, id, settings('b', { maxWriteMs: 150 }), now, never))!;
    await taker.fence();

    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt + 150);
    await taker.release();
  });

  it('does not wait after taking a run from a holder that is gone or gave it back', async () => {
    const { store, id } = await storeWithRun();
    await store.claim(id, { holder: 'dead', now: new Date().toISOString(), until: new Date(Date.now() + 60_000).toISOString(), isGone: () => false });
    const taker = (await claimRun(store, id, settings('b', { maxWriteMs: 60_000, holders: { self: 'b', isGone: (h) => h === 'dead' } }), now, never))!;

    const started = Date.now();
    await taker.fence();
    expect(Date.now() - started).toBeLessThan(1_000);
    await taker.release();
  });
});
