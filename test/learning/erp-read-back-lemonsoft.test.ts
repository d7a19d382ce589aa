import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LemonsoftClient } from '../../src/erp/lemonsoft/client.js';
import type { RunningSimulator } from '../../src/erp/lemonsoft/simulator/server.js';
import { offerSchema } from '../../src/erp/lemonsoft/wire.js';
import type { ErpAdapter } from '../../src/erp/ports.js';
import { readBackOffers } from '../../src/learning/erp-read-back.js';
import type { Store } from '../../src/store/open-store.js';
import { systemClock } from '../../src/time/clock.js';
import { CREDENTIALS, lemonsoftPerTest } from '../erp/conformance/harnesses.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';

const MAILBOX = 'rfq@seller.fi';

function mail(messageId: string): Buffer {
  return Buffer.from(fixture('workflow/rfq-known-customer.eml').toString('utf8').replace('<rfq-known-customer@putki.fi>', `<${messageId}@putki.fi>`));
}

describe('learning from offers changed in Lemonsoft, over HTTP', () => {
  const opened = lemonsoftPerTest();
  let sim: RunningSimulator;
  let erp: ErpAdapter;
  let store: Store;
  let client: LemonsoftClient;

  beforeEach(() => {
    ({ sim, erp, store } = opened());
    client = new LemonsoftClient({ baseUrl: sim.url, credentials: CREDENTIALS, timeoutMs: 5_000, maxRetries: 0, retryBaseMs: 5, concurrency: 1, renewAfterMs: 60_000, pageSize: 10, clock: systemClock });
  });

  /** A salesperson in Lemonsoft puts another product on a row: the row's PUT, as its own screens send it. */
  async function replaceRow(offerNumber: string, position: number, sku: string, name: string): Promise<void> {
    const rows = (await client.get(`/api/offers/${offerNumber}`, {}, offerSchema)).offer_rows ?? [];
    const row = rows.find((r) => Number(r.position) === position)!;
    await client.send('PUT', `/api/offers/${offerNumber}/offerrowlist`, [{ ...row, id: row.id!, product_code: sku, product_name: name }], z.unknown());
  }

  it("learns the product put on a row, once, and the customer's next mail gets it 'learned'", async () => {
    const runner = runnerFor(erp, store.runs, undefined, store.memory);
    const { result } = await runner.process(mail('first'), { mailbox: MAILBOX });
    expect(result.offerNumber).toBe('10001');
    await replaceRow('10001', 2, '1000022', 'Kupariputki 22x1,0 kova');
    const pass = () => readBackOffers({ runs: store.runs, runner, erp, memory: store.memory, log: store.readBacks, clock: systemClock }, { days: 30 });

    expect((await pass()).learned.map((l) => [l.offerNumber, l.position, l.customerNumber, l.from, l.to])).toEqual([['10001', 2, '20001', '2000020', '1000022']]);
    expect(await pass()).toMatchObject({ read: 1, learned: [], failed: [] });

    const { runId } = await runner.process(mail('second'), { mailbox: MAILBOX });
    expect((await store.runs.get(runId))!.context.matches.map((m) => [m.product?.sku, m.method])).toEqual([
      ['1000015', 'name'],
      ['1000022', 'learned'],
    ]);
  });

  it('goes on past a Lemonsoft error on one offer', async () => {
    const runner = runnerFor(erp, store.runs, undefined, store.memory);
    await runner.process(mail('first'), { mailbox: MAILBOX });
    await runner.process(mail('second'), { mailbox: MAILBOX });
    await replaceRow('10002', 2, '1000022', 'Kupariputki 22x1,0 kova');
    sim.setFaults({ fail: [{ status: 500, count: 50, match: '^GET /api/offers/10001$' }] });

    const summary = await readBackOffers({ runs: store.runs, runner, erp, memory: store.memory, log: store.readBacks, clock: systemClock }, { days: 30 });

    expect(summary.failed).toEqual([{ runId: 1, error: expect.stringContaining('HTTP 500') }]);
    expect(summary.learned.map((l) => l.offerNumber)).toEqual(['10002']);
  });
});
