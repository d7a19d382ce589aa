import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { contextWith } from '../support/runner.js';
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
    await store.runs.save(created.id, 'created', contextWith({ reference: 'OF-saved' }));

    expect(await store.runs.get(created.id)).toMatchObject({ status: 'created', context: { reference: 'OF-saved' } });
    expect(await store.runs.get(created.id + 1000)).toBeNull();
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
