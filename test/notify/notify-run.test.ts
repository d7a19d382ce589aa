import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalErp } from '../../src/erp/local/adapter.js';
import { notifyRun, type RunNotifier } from '../../src/notify/notify-run.js';
import type { Notification } from '../../src/notify/offer-notification.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor, storeRun } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';
import { systemClock } from '../../src/time/clock.js';

describe('notifyRun', () => {
  let erp: LocalErp;
  let store: Store;
  let sent: Notification[];
  let notifier: RunNotifier;

  beforeEach(async () => {
    const dataDir = tempDataDir();
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, systemClock);
    sent = [];
    notifier = { runs: store.runs, log: store.notifications, send: async (n) => void sent.push(n), fallbackTo: 'myynti@seller.fi' };
  });

  afterEach(async () => {
    await erp.close();
    await store.close();
  });

  const run = async (name: string) => (await runnerFor(erp, store.runs).process(fixture(name), { mailbox: 'rfq@seller.fi' })).runId;

  it('mails the salesperson once, however often it is asked', async () => {
    const runId = await run('workflow/rfq-known-customer.eml');

    expect(await notifyRun(notifier, runId, 'auto')).toBe('sent');
    expect(await notifyRun(notifier, runId, 'auto')).toBe('already sent');
    expect(sent.map((n) => n.to)).toEqual(['mikko@seller.fi']);
  });

  it('tells nobody of a shadow run or of a mail that was not a request', async () => {
    expect(await notifyRun(notifier, await run('workflow/rfq-known-customer.eml'), 'shadow')).toBe('not needed');
    expect(await notifyRun(notifier, await run('workflow/thanks.eml'), 'auto')).toBe('not needed');
    expect(sent).toEqual([]);
  });

  it('mails the fallback address when the salesperson is unknown', async () => {
    const runId = await run('workflow/rfq-free-mail.eml');
    const context = (await store.runs.get(runId))!.context;
    await storeRun(store.runs, runId, 'needs_review', { ...context, salesperson: null });

    expect(await notifyRun(notifier, runId, 'review')).toBe('sent');
    expect(sent[0]?.to).toBe('myynti@seller.fi');
  });

  it('records nothing when sending fails, so that a retry sends it', async () => {
    const runId = await run('workflow/rfq-known-customer.eml');
    await expect(notifyRun({ ...notifier, send: async () => Promise.reject(new Error('SMTP down')) }, runId, 'auto')).rejects.toThrow('SMTP down');
    expect(await notifyRun(notifier, runId, 'auto')).toBe('sent');
  });
});
