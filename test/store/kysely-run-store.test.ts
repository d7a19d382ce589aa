import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { contextWith, storeRun } from '../support/runner.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

const KEY = { mailbox: 'rfq@seller.fi', messageId: '<a@putki.fi>' };

describe.each(STORE_BACKENDS)('KyselyRunStore on $name', (backend) => {
  const opened = storePerTest(backend);
  let store: Store;
  beforeEach(() => {
    store = opened().store;
  });

  it('creates a queued run, finds it by mailbox and Message-ID, and keeps the raw email byte for byte', async () => {
    const raw = Buffer.from([0, 1, 2, 255, 0x0d, 0x0a, ...Buffer.from('Subject: ä\r\n')]);
    const created = await store.runs.create(KEY, raw, contextWith());

    expect(created).toMatchObject({ key: KEY, status: 'queued', subject: '' });
    expect((await store.runs.findByKey(KEY))?.id).toBe(created.id);
    expect(await store.runs.findByKey({ ...KEY, mailbox: 'other@seller.fi' })).toBeNull();
    expect(Buffer.compare(await store.runs.rawEmail(created.id), raw)).toBe(0);
  });

  it('saves the status and context after each step', async () => {
    const created = await store.runs.create(KEY, Buffer.from('x'), contextWith());
    await storeRun(store.runs, created.id, 'created', contextWith({ reference: 'OF-saved' }));

    expect(await store.runs.get(created.id)).toMatchObject({ status: 'created', context: { reference: 'OF-saved' } });
    expect(await store.runs.get(created.id + 1000)).toBeNull();
  });

  describe('claims', () => {
    const at = (seconds: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, seconds)).toISOString();
    const request = (holder: string, now: number, gone: string[] = []) => ({ holder, now: at(now), until: at(now + 10), isGone: (h: string) => gone.includes(h) });

    it('gives a run to one holder at a time, with a token that grows with every claim', async () => {
      const { id } = await store.runs.create(KEY, Buffer.from('x'), contextWith());
      const first = await store.runs.claim(id, request('a', 0));
      expect(first).toEqual({ kind: 'claimed', token: 1, from: 'free', expiredAt: null, previous: null });
      expect(await store.runs.claim(id, request('b', 5))).toEqual({ kind: 'held', holder: 'a', until: at(10) });

      await store.runs.release(id, 1);
      expect(await store.runs.claim(id, request('b', 6))).toEqual({ kind: 'claimed', token: 2, from: 'free', expiredAt: null, previous: null });
    });

    it('lets a run whose claim ran out be taken, saying when it ran out; the old holder can no longer renew or save', async () => {
      const { id } = await store.runs.create(KEY, Buffer.from('x'), contextWith());
      await store.runs.claim(id, request('a', 0));
      expect(await store.runs.renew(id, 1, 'a', at(9), at(20))).toBe(true);
      expect(await store.runs.claim(id, request('b', 15))).toMatchObject({ kind: 'held' });

      expect(await store.runs.claim(id, request('b', 21))).toEqual({ kind: 'claimed', token: 2, from: 'expired', expiredAt: at(20), previous: 'a' });
      expect(await store.runs.renew(id, 1, 'a', at(22), at(40))).toBe(false);
      await expect(store.runs.save(id, 1, 'created', contextWith())).rejects.toMatchObject({ code: 'claim_lost' });
      await store.runs.save(id, 2, 'running', contextWith({ reference: 'OF-b' }));
      expect((await store.runs.get(id))?.context.reference).toBe('OF-b');
    });

    it('takes a run from a holder that is gone at once, with nothing in flight to wait for', async () => {
      const { id } = await store.runs.create(KEY, Buffer.from('x'), contextWith());
      await store.runs.claim(id, request('a', 0));
      expect(await store.runs.claim(id, request('b', 1, ['a']))).toEqual({ kind: 'claimed', token: 2, from: 'gone', expiredAt: null, previous: 'a' });
    });

    it('lets no holder renew a claim that has run out: only a new claim, which waits out its writes, takes it', async () => {
      const { id } = await store.runs.create(KEY, Buffer.from('x'), contextWith());
      await store.runs.claim(id, request('a', 0));
      expect(await store.runs.renew(id, 1, 'a', at(11), at(30))).toBe(false);
      expect(await store.runs.claim(id, request('a', 12))).toEqual({ kind: 'claimed', token: 2, from: 'expired', expiredAt: at(10), previous: 'a' });
    });

    it('never gives one run to two claimants racing for it', async () => {
      const { id } = await store.runs.create(KEY, Buffer.from('x'), contextWith());
      const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((holder) => store.runs.claim(id, request(holder, 0))));
      expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    });
  });

  it('refuses a second run for the same email', async () => {
    await store.runs.create(KEY, Buffer.from('x'), contextWith());
    await expect(store.runs.create(KEY, Buffer.from('x'), contextWith())).rejects.toThrow();
  });

  it('lists the newest runs first, as many as asked', async () => {
    for (const n of [1, 2, 3]) await store.runs.create({ ...KEY, messageId: `<${n}@putki.fi>` }, Buffer.from('x'), contextWith());

    expect((await store.runs.list(2)).map((r) => r.key.messageId)).toEqual(['<3@putki.fi>', '<2@putki.fi>']);
  });
});
