import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localErpFile, type LocalErp } from '../../src/erp/local/adapter.js';
import type { ErpAdapter } from '../../src/erp/ports.js';
import { readBackOffers, type ReadBackSummary } from '../../src/learning/erp-read-back.js';
import { leasedPass } from '../../src/learning/leased-pass.js';
import { ReviewService } from '../../src/review/review-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { WorkflowRunner } from '../../src/workflow/runner.js';
import { clockAt, type TestClock } from '../support/clock.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';
import { seededErp, tempDataDir } from '../support/seller.js';

const MAILBOX = 'rfq@seller.fi';
const VALVE = 'Palloventtiili DN20 3/4" sk/sk';

/** The known customer's request again, as another mail. */
function mail(messageId: string): Buffer {
  return Buffer.from(fixture('workflow/rfq-known-customer.eml').toString('utf8').replace('<rfq-known-customer@putki.fi>', `<${messageId}@putki.fi>`));
}

describe('learning from offers changed in the local ERP', () => {
  let dataDir: string;
  let erp: LocalErp;
  let store: Store;
  let clock: TestClock;
  let runner: WorkflowRunner;
  let erpDb: Database.Database;

  /** What a salesperson does in the ERP's own screens: the rows, straight in its tables. */
  const sql = (statement: string, ...params: unknown[]) => erpDb.prepare(statement).run(...params);
  const pass = (over: ErpAdapter = erp, days = 30): Promise<ReadBackSummary> =>
    readBackOffers({ runs: store.runs, runner, erp: over, memory: store.memory, log: store.readBacks, clock }, { days });
  const recallValve = () => store.memory.recall({ customerNumber: '20001', description: VALVE, code: null });

  beforeEach(async () => {
    dataDir = tempDataDir();
    clock = clockAt('2026-11-24T10:00:00Z');
    erp = await seededErp(dataDir);
    store = await openStore(dataDir, null, clock);
    runner = runnerFor(erp, store.runs, undefined, store.memory);
    const { result } = await runner.process(mail('first'), { mailbox: MAILBOX });
    expect([result.status, result.offerNumber]).toEqual(['created', '10001']);
    erpDb = new Database(localErpFile(dataDir));
  });

  afterEach(async () => {
    erpDb.close();
    await erp.close();
    await store.close();
  });

  it("learns a row's replaced product for the customer once, and a second similar mail gets it 'learned'", async () => {
    sql("update offer_rows set sku = '1000022', name = 'Kupariputki 22x1,0 kova' where offer_number = 10001 and position = 2");

    const first = await pass();

    expect(first.read).toBe(1);
    expect(first.failed).toEqual([]);
    expect(first.learned).toEqual([
      { runId: 1, offerNumber: '10001', position: 2, customerNumber: '20001', text: `${VALVE} 2 kpl`, from: '2000020', to: '1000022', source: 'the ERP offer 10001' },
    ]);
    expect(await recallValve()).toEqual({ sku: '1000022', scope: 'customer', learnedFrom: { by: { id: 'erp-offer:10001', name: 'the ERP offer 10001' }, at: '2026-11-24T10:00:00.000Z' } });

    expect((await pass()).learned).toEqual([]);

    const { runId } = await runner.process(mail('second'), { mailbox: MAILBOX });
    expect((await store.runs.get(runId))!.context.matches.map((m) => [m.product?.sku, m.method])).toEqual([
      ['1000015', 'name'],
      ['1000022', 'learned'],
    ]);
  });

  it("leaves a salesperson's later workspace teaching alone: the same offer read again teaches nothing", async () => {
    sql("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 2");
    await pass();
    await store.memory.remember({ customerNumber: '20001', description: VALVE, code: null, sku: '4000048' });

    expect((await pass()).learned).toEqual([]);
    expect(await recallValve()).toMatchObject({ sku: '4000048', scope: 'customer' });
  });

  it('learns again when the row is changed again, to the product it holds now', async () => {
    sql("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 2");
    await pass();
    sql("update offer_rows set sku = '3000325' where offer_number = 10001 and position = 2");

    expect((await pass()).learned.map((l) => [l.from, l.to])).toEqual([['2000020', '3000325']]);
    expect(await recallValve()).toMatchObject({ sku: '3000325', scope: 'customer' });
  });

  it('learns nothing from an offer whose rows were removed, added in between or reordered', async () => {
    const rows = () => erpDb.prepare('select position, sku from offer_rows where offer_number = 10001 order by position').all();

    sql('delete from offer_rows where offer_number = 10001 and position = 1');
    sql('update offer_rows set position = 1 where offer_number = 10001 and position = 2');
    expect((await pass()).learned).toEqual([]);

    // A new first row, the others moved down, as an ERP renumbering its rows would.
    sql('delete from offer_rows where offer_number = 10001');
    sql("insert into offer_rows values (10001, 1, '3000325', 'MMJ 3x2,5S', '10', 'm', '1', '0', '14', '10', null)");
    sql("insert into offer_rows values (10001, 2, '1000015', 'Kupariputki', '10', 'm', '8', '10', '25.5', '72', null)");
    sql("insert into offer_rows values (10001, 3, '2000020', 'Palloventtiili', '2', 'kpl', '12', '0', '25.5', '24', null)");
    expect(rows()).toHaveLength(3);
    expect((await pass()).learned).toEqual([]);

    sql('delete from offer_rows where offer_number = 10001');
    sql("insert into offer_rows values (10001, 1, '2000020', 'Palloventtiili', '2', 'kpl', '12', '0', '25.5', '24', null)");
    sql("insert into offer_rows values (10001, 2, '1000015', 'Kupariputki', '10', 'm', '8', '10', '25.5', '72', null)");
    expect((await pass()).learned).toEqual([]);
    expect(await recallValve()).toBeNull();
  });

  it('learns a replacement next to a row added at the end, and not one whose quantity changed beside another change', async () => {
    sql("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 2");
    sql("insert into offer_rows values (10001, 3, '4000048', 'Nippuside', '1', 'pkt', '5', '0', '25.5', '5', null)");
    expect((await pass()).learned.map((l) => [l.position, l.to])).toEqual([[2, '1000022']]);

    const { runId } = await runner.process(mail('third'), { mailbox: MAILBOX });
    const offer = (await store.runs.get(runId))!.context.offer!.number;
    sql("update offer_rows set sku = '3000325', quantity = '5' where offer_number = ? and position = 1", offer);
    sql("update offer_rows set sku = '4000048' where offer_number = ? and position = 2", offer);
    expect((await pass()).learned.map((l) => [l.offerNumber, l.position, l.to])).toEqual([[offer, 2, '4000048']]);
  });

  it('compares an offer approved in the workspace with the approved draft, and leaves the line a person chose there alone', async () => {
    const review = new ReviewService(runner, erp, store.memory, store.parties, clock);
    const by = { id: 'mikko@seller.fi', name: 'Mikko Myyjä' };
    expect(await review.edit({ runId: 1, actionId: 'pick', revision: 0, by }, { kind: 'pick', line: 1, sku: '3000325' })).toMatchObject({ kind: 'done' });
    expect((await pass()).learned).toEqual([]);
    expect(await review.approve({ runId: 1, actionId: 'approve', revision: 1, by })).toMatchObject({ kind: 'done' });
    expect((await pass()).learned).toEqual([]);

    sql("update offer_rows set sku = '4000048' where offer_number = 10001 and position = 2");
    expect((await pass()).learned).toEqual([]);
    sql("update offer_rows set sku = '2000020' where offer_number = 10001 and position = 2");
    sql("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 1");
    expect((await pass()).learned.map((l) => [l.position, l.from, l.to])).toEqual([[1, '1000015', '1000022']]);
  });

  it('does not read the offers of runs older than the days asked for', async () => {
    sql("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 2");
    clock.advance(31 * 24 * 3_600_000);

    expect(await pass()).toMatchObject({ read: 0, learned: [] });
    expect((await pass(erp, 32)).learned).toHaveLength(1);
  });

  it('goes on past an offer the ERP fails to give, and learns from the others', async () => {
    await runner.process(mail('second'), { mailbox: MAILBOX });
    sql("update offer_rows set sku = '1000022' where position = 2");
    const failing: ErpAdapter = {
      ...erp,
      offers: { ...erp.offers, get: async (number) => (number === '10001' ? Promise.reject(new Error('ERP timed out')) : erp.offers.get(number)) },
    };

    const summary = await pass(failing);

    expect(summary.failed).toEqual([{ runId: 1, error: 'ERP timed out' }]);
    expect(summary.learned.map((l) => l.offerNumber)).toEqual(['10002']);
    expect(await recallValve()).toMatchObject({ sku: '1000022', scope: 'customer' });
  });

  it('lets one process of several do a pass at a time, and skips one when another ended recently', async () => {
    const settings = (self: string) => ({ holders: { self, isGone: () => false }, leaseMs: 60_000, clock });
    const empty: ReadBackSummary = { read: 0, learned: [], failed: [], stoppedShort: false };
    let release: () => void = () => undefined;
    const slow = leasedPass(store.readBackLease, settings('host:1:a'), null, () => new Promise((resolve) => (release = () => resolve(empty))));
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await leasedPass(store.readBackLease, settings('host:2:b'), null, async () => empty)).toMatchObject({ kind: 'held', holder: 'host:1:a' });
    release();
    expect(await slow).toEqual({ kind: 'done', summary: empty });

    const hourAgo = new Date(clock.now().getTime() - 3_600_000).toISOString();
    expect(await leasedPass(store.readBackLease, settings('host:2:b'), hourAgo, async () => empty)).toEqual({ kind: 'recent', at: clock.now().toISOString() });
    clock.advance(2 * 3_600_000);
    expect(await leasedPass(store.readBackLease, settings('host:2:b'), new Date(clock.now().getTime() - 3_600_000).toISOString(), async () => empty)).toEqual({ kind: 'done', summary: empty });
  });
});
