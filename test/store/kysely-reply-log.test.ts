import { describe, expect, it } from 'vitest';
import { clockAt } from '../support/clock.js';
import { contextWith } from '../support/runner.js';
import { STORE_BACKENDS, storePerTest } from '../support/stores.js';

describe.each(STORE_BACKENDS)('the customer replies, in the store on $name', (backend) => {
  const opened = storePerTest(backend, clockAt('2026-12-07T10:00:00Z'));
  let made = 0;
  const aRun = async () => (await opened().store.runs.create({ mailbox: 'rfq@seller.fi', messageId: `<${(made += 1)}@putki.fi>` }, Buffer.from('x'), contextWith())).id;

  it('lets one attempt claim a run’s reply, from any process, and keeps it sent', async () => {
    const runId = await aRun();
    const other = await opened().another();
    try {
      const claims = await Promise.all([opened().store.replies.begin(runId, '<a@seller.fi>', 'matti@putki.fi', 'offerflow'), other.replies.begin(runId, '<b@seller.fi>', 'matti@putki.fi', 'offerflow')]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      await opened().store.replies.sent(runId);
      expect(await other.replies.get(runId)).toMatchObject({ state: 'sent', recipient: 'matti@putki.fi', sentAt: '2026-12-07T10:00:00.000Z' });
      expect(await other.replies.begin(runId, '<c@seller.fi>', 'matti@putki.fi', 'offerflow')).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('drops a claim the mail server refused, so a retry may send, but never one that was sent', async () => {
    const runId = await aRun();
    const replies = opened().store.replies;
    await replies.begin(runId, '<a@seller.fi>', 'matti@putki.fi', 'offerflow');
    await replies.abandon(runId);
    expect(await replies.get(runId)).toBeNull();
    expect(await replies.begin(runId, '<a@seller.fi>', 'matti@putki.fi', 'offerflow')).toBe(true);
    await replies.sent(runId);
    await replies.abandon(runId);
    expect((await replies.get(runId))?.state).toBe('sent');
  });
});
