import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryRunStore } from '../../src/store/memory-run-store.js';
import { openStore, storeFile } from '../../src/store/open-store.js';
import type { Clock } from '../../src/time/clock.js';
import type { RunStore, StoredRunStatus } from '../../src/workflow/run-store.js';
import type { SummaryFilter } from '../../src/workflow/run-summary.js';
import { clockAt, type TestClock } from '../support/clock.js';
import { FOUND, inboxContext, MINUTE, MISSING, storeInboxRun, type InboxMail } from '../support/inbox-runs.js';
import { storeRun } from '../support/runner.js';
import { tempDataDir } from '../support/seller.js';
import { STORE_BACKENDS } from '../support/stores.js';

const PAGE = { offset: 0, limit: 50 };

/** The run store on each database, and in memory: one order and one filter on all three. */
const BACKENDS: { name: string; open(clock: Clock): Promise<{ runs: RunStore; close(): Promise<void> }> }[] = [
  ...STORE_BACKENDS.map((backend) => ({
    name: backend.name,
    async open(clock: Clock) {
      const opened = await backend.open(clock);
      return { runs: opened.store.runs, close: () => opened.close() };
    },
  })),
  { name: 'memory', open: async (clock: Clock) => ({ runs: new MemoryRunStore(clock), close: async () => undefined }) },
];

describe.each(BACKENDS)('run summaries on $name', (backend) => {
  let runs: RunStore;
  let clock: TestClock;
  let close: () => Promise<void>;
  beforeEach(async () => {
    clock = clockAt('2026-03-02T08:00:00.000Z');
    ({ runs, close } = await backend.open(clock));
  });
  afterEach(() => close());

  const stored = (mail: InboxMail, status?: StoredRunStatus) => storeInboxRun(runs, clock, mail, status);

  const subjects = async (filter: SummaryFilter = {}, page = PAGE) => (await runs.listSummaries(filter, page)).summaries.map((s) => s.subject);

  it('sums a run up as the inbox shows it, its problems counted by kind', async () => {
    const id = await stored({ subject: 'Tarjouspyyntö', customer: 0, salesperson: 0, lines: [MISSING, FOUND, MISSING] });

    const [summary] = (await runs.listSummaries({}, PAGE)).summaries;
    expect(summary).toEqual({
      id,
      status: 'needs_review',
      subject: 'Tarjouspyyntö',
      mailbox: 'rfq@seller.fi',
      sender: { address: 'ostaja@putki.fi', name: 'Olli Ostaja' },
      customer: { number: '20001', name: 'Putki Oy' },
      salesperson: { number: '101', name: 'Mikko Myyjä' },
      receivedAt: '2026-03-02T08:01:00.000Z',
      needsReview: true,
      problems: [
        { code: 'no_product', count: 2 },
        { code: 'not_priced', count: 1 },
      ],
      updatedAt: '2026-03-02T08:01:00.000Z',
    });
  });

  it('keeps a new run’s summary from the moment it is taken in, and follows every save', async () => {
    clock.advance(MINUTE);
    const context = inboxContext({ subject: 'Uusi', lines: [] });
    const { id } = await runs.create(context.key, Buffer.from('x'), context);
    expect((await runs.listSummaries({}, PAGE)).summaries).toMatchObject([{ id, status: 'queued', subject: '', needsReview: false }]);

    clock.advance(MINUTE);
    await storeRun(runs, id, 'needs_review', context);
    expect((await runs.listSummaries({}, PAGE)).summaries).toMatchObject([
      { id, status: 'needs_review', subject: 'Uusi', needsReview: true, problems: [{ code: 'no_lines', count: 1 }, { code: 'no_customer', count: 1 }, { code: 'no_salesperson', count: 1 }], updatedAt: '2026-03-02T08:02:00.000Z' },
    ]);
  });

  it('leaves the summary alone when a save is refused for a lost claim', async () => {
    const id = await stored({ subject: 'Ennallaan' });
    await expect(runs.save(id, 999, 'created', inboxContext({ subject: 'Muutettu' }))).rejects.toMatchObject({ code: 'claim_lost' });
    expect(await subjects()).toEqual(['Ennallaan']);
  });

  it('lists the runs that need review first, the one waiting longest at the top, then the rest newest first', async () => {
    await stored({ subject: 'done-1' }, 'created');
    await stored({ subject: 'review-1' });
    await stored({ subject: 'failed-1' }, 'failed');
    await stored({ subject: 'review-2' });
    await stored({ subject: 'done-2' }, 'created');

    expect(await subjects()).toEqual(['review-1', 'review-2', 'done-2', 'failed-1', 'done-1']);
    expect(await subjects({}, { offset: 1, limit: 2 })).toEqual(['review-2', 'done-2']);
    expect((await runs.listSummaries({}, { offset: 1, limit: 2 })).total).toBe(5);
  });

  it('moves a run down once it no longer needs review', async () => {
    const first = await stored({ subject: 'review-1' });
    await stored({ subject: 'review-2' });
    await storeRun(runs, first, 'created', inboxContext({ subject: 'review-1' }));

    expect(await subjects()).toEqual(['review-2', 'review-1']);
  });

  it('filters by salesperson, status, customer, mailbox and the time received', async () => {
    await stored({ subject: 'mikko-putki', salesperson: 0, customer: 0 });
    await stored({ subject: 'sanna-alpha', salesperson: 1, customer: 1, mailbox: 'sales@seller.fi' }, 'created');
    await stored({ subject: 'nobody' });

    expect(await subjects({ salesperson: '101' })).toEqual(['mikko-putki']);
    expect(await subjects({ status: 'created' })).toEqual(['sanna-alpha']);
    expect(await subjects({ customer: '20002' })).toEqual(['sanna-alpha']);
    expect(await subjects({ mailbox: 'rfq@seller.fi' })).toEqual(['mikko-putki', 'nobody']);
    expect(await subjects({ receivedFrom: '2026-03-02T08:02:00.000Z' })).toEqual(['nobody', 'sanna-alpha']);
    expect(await subjects({ receivedBefore: '2026-03-02T08:02:00.000Z' })).toEqual(['mikko-putki']);
    expect(await subjects({ salesperson: '101', status: 'created' })).toEqual([]);
    expect((await runs.listSummaries({ salesperson: '101', status: 'created' }, PAGE)).total).toBe(0);
  });

  it('searches the subject, the sender and the customer, every word, whatever their case, with no wildcards of its own', async () => {
    await stored({ subject: 'Kupariputkea 100%', from: 'matti@rakennus.fi', name: 'Matti Mäkinen', customer: 0 });
    await stored({ subject: 'Venttiilit', from: 'ostot@alpha.fi', name: 'Ostot', customer: 1 });

    expect(await subjects({ search: 'KUPARI' })).toEqual(['Kupariputkea 100%']);
    expect(await subjects({ search: 'mäkinen' })).toEqual(['Kupariputkea 100%']);
    expect(await subjects({ search: 'alpha.fi' })).toEqual(['Venttiilit']);
    expect(await subjects({ search: 'jaettu alpha' })).toEqual(['Venttiilit']);
    expect(await subjects({ search: '20001' })).toEqual(['Kupariputkea 100%']);
    expect(await subjects({ search: 'putki oy venttiilit' })).toEqual([]);
    expect(await subjects({ search: '100%' })).toEqual(['Kupariputkea 100%']);
    expect(await subjects({ search: '%' })).toEqual(['Kupariputkea 100%']);
    expect(await subjects({ search: 'o_tot' })).toEqual([]);
  });

  it('has a version that changes with every new run and every save, and only then, whatever the writer’s clock says', async () => {
    const before = await runs.summariesVersion();
    expect(await runs.summariesVersion()).toBe(before);
    const id = await stored({ subject: 'yksi' });
    const afterNew = await runs.summariesVersion();
    expect(afterNew).not.toBe(before);

    // Another machine's clock, a minute behind: its save is no less a change.
    clock.advance(-MINUTE);
    await storeRun(runs, id, 'created', inboxContext({ subject: 'yksi' }));
    const afterSave = await runs.summariesVersion();
    expect(afterSave).not.toBe(afterNew);
    expect(await runs.summariesVersion()).toBe(afterSave);
  });

  it('names the mailboxes and customers there are to filter by', async () => {
    await stored({ subject: 'a', customer: 1, mailbox: 'sales@seller.fi' });
    await stored({ subject: 'b', customer: 0 });
    await stored({ subject: 'c', customer: 0 });
    await stored({ subject: 'd' });

    expect(await runs.summaryChoices()).toEqual({
      mailboxes: ['rfq@seller.fi', 'sales@seller.fi'],
      customers: [
        { number: '20002', name: 'Jaettu Alpha Oy' },
        { number: '20001', name: 'Putki Oy' },
      ],
    });
  });
});

describe('runs stored before summaries were kept', () => {
  it('get their summaries when the store is opened', async () => {
    const dataDir = tempDataDir();
    const clock = clockAt('2026-03-02T08:00:00.000Z');
    const first = await openStore(dataDir, null, clock);
    for (const subject of ['vanha-1', 'vanha-2']) {
      const context = inboxContext({ subject, lines: [MISSING] });
      const { id } = await first.runs.create(context.key, Buffer.from('x'), context);
      await storeRun(first.runs, id, 'needs_review', context);
    }
    await first.close();
    const file = new Database(storeFile(dataDir));
    file.prepare('delete from run_summaries').run();
    file.close();

    const reopened = await openStore(dataDir, null, clock);
    const { summaries } = await reopened.runs.listSummaries({}, PAGE);
    const problems = [
      { code: 'no_customer', count: 1 },
      { code: 'no_salesperson', count: 1 },
      { code: 'no_product', count: 1 },
    ];
    expect(summaries.map((s) => [s.subject, s.problems])).toEqual([
      ['vanha-1', problems],
      ['vanha-2', problems],
    ]);
    await reopened.close();
  });
});
