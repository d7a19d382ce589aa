import { describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../src/store/memory-run-store.js';
import { claimRun, type ClaimSettings } from '../../src/workflow/run-claim.js';
import { contextWith } from '../support/runner.js';
import { systemClock } from '../../src/time/clock.js';

const KEY = { mailbox: 'rfq@seller.fi', messageId: '<claim@putki.fi>' };

function settings(self: string, overrides: Partial<ClaimSettings> = {}): ClaimSettings {
  return { holders: { self, isGone: () => false }, leaseMs: 60_000, waitPollMs: 5, maxWriteMs: 0, ...overrides };
}

const never = () => false;

async function storeWithRun(): Promise<{ store: MemoryRunStore; id: number }> {
  const store = new MemoryRunStore(systemClock);
  const { id } = await store.create(KEY, Buffer.from('x'), contextWith());
  return { store, id };
}

describe('claimRun', () => {
  it('waits while another worker holds the run, and answers nothing to do once that worker has finished it', async () => {
    const { store, id } = await storeWithRun();
    const first = (await claimRun(store, id, settings('a'), systemClock, never))!;
    const waiting = claimRun(store, id, settings('b'), systemClock, (status) => status === 'created');

    await new Promise((resolve) => setTimeout(resolve, 30));
    await first.save('created', contextWith());
    await first.release();

    expect(await waiting).toBeNull();
  });

  it('takes a run from a worker that gave it back unfinished', async () => {
    const { store, id } = await storeWithRun();
    const first = (await claimRun(store, id, settings('a'), systemClock, never))!;
    const waiting = claimRun(store, id, settings('b'), systemClock, never);
    await first.release();

    expect((await waiting)?.token).toBe(first.token + 1);
  });

  it('lets a worker whose claim ran out and was taken over neither write nor save', async () => {
    const { store, id } = await storeWithRun();
    const stalled = (await claimRun(store, id, settings('a'), systemClock, never))!;
    // Its lease runs out while it does not run (its heartbeat with it): another worker's clock is past it.
    const later = new Date(Date.now() + 120_000);
    await store.claim(id, { holder: 'b', now: later.toISOString(), until: new Date(later.getTime() + 60_000).toISOString(), isGone: () => false });

    await expect(stalled.fence()).rejects.toMatchObject({ code: 'claim_lost' });
    await expect(stalled.save('created', contextWith())).rejects.toMatchObject({ code: 'claim_lost' });
    await stalled.release();
    expect((await store.claim(id, { holder: 'c', now: new Date().toISOString(), until: new Date().toISOString(), isGone: () => false })).kind).toBe('held');
  });

  it('makes a worker that took over a run that ran out wait, before writing, until the old holder’s writes are over', async () => {
    const { store, id } = await storeWithRun();
    const expiresAt = Date.now() + 20;
    await store.claim(id, { holder: 'stalled', now: new Date().toISOString(), until: new Date(expiresAt).toISOString(), isGone: () => false });
    await new Promise((resolve) => setTimeout(resolve, 30));

    const taker = (await claimRun(store, id, settings('b', { maxWriteMs: 150 }), systemClock, never))!;
    await taker.fence();

    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt + 150 + 1_000);
    await taker.release();
  });

  it('waits, after taking a run from a holder whose process is gone, for the write it may have had in flight', async () => {
    const { store, id } = await storeWithRun();
    await store.claim(id, { holder: 'dead', now: new Date().toISOString(), until: new Date(Date.now() + 60_000).toISOString(), isGone: () => false });
    const taker = (await claimRun(store, id, settings('b', { maxWriteMs: 150, holders: { self: 'b', isGone: (h) => h === 'dead' } }), systemClock, never))!;

    const started = Date.now();
    await taker.fence();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await taker.release();
  });

  it('does not wait after taking a run that was given back', async () => {
    const { store, id } = await storeWithRun();
    await (await claimRun(store, id, settings('a'), systemClock, never))!.release();
    const taker = (await claimRun(store, id, settings('b', { maxWriteMs: 60_000 }), systemClock, never))!;

    const started = Date.now();
    await taker.fence();
    expect(Date.now() - started).toBeLessThan(1_000);
    await taker.release();
  });
});
