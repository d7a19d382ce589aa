import { beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../src/erp/lemonsoft/simulator/server.js';
import type { ErpAdapter } from '../../src/erp/ports.js';
import type { Store } from '../../src/store/open-store.js';
import { lemonsoftPerTest } from '../erp/conformance/harnesses.js';
import { fixture } from '../support/fixtures.js';
import { runnerFor } from '../support/runner.js';

const MAILBOX = 'rfq@seller.fi';

/** Whole runs against Lemonsoft over HTTP, with the ERP failing in the middle of creating the offer. */
describe('WorkflowRunner on Lemonsoft', () => {
  const opened = lemonsoftPerTest();
  let sim: RunningSimulator;
  let erp: ErpAdapter;
  let store: Store;

  beforeEach(() => {
    ({ sim, erp, store } = opened());
  });

  it('turns a request into a created, verified offer priced by Lemonsoft', async () => {
    const { result } = await runnerFor(erp, store.runs).process(fixture('workflow/rfq-known-customer.eml'), { mailbox: MAILBOX });

    expect(result.status).toBe('created');
    expect(result.offerNumber).toBe('10001');
    expect(result.lines.map((l) => [l.match?.sku, l.quantity, l.unitPrice, l.discountPercent, l.lineTotal])).toEqual([
      ['1000015', 10, 8, 10, 72],
      ['2000020', 2, 12, 0, 24],
    ]);
    expect(result.totals).toMatchObject({ net: 96, gross: 120.48 });
  });

  it('fails the run clearly when Lemonsoft goes down after the header, and the retry finishes the same offer', async () => {
    const raw = fixture('workflow/rfq-known-customer.eml');
    sim.setFaults({ crashAfter: ['header'], fail: [{ status: 500, count: 50, match: 'offerrowlist$' }] });

    const first = await runnerFor(erp, store.runs).process(raw, { mailbox: MAILBOX });

    expect(first.result.status).toBe('failed');
    expect(first.result.errors).toEqual([expect.stringMatching(/^create_offer: Lemonsoft POST \/api\/offers\/10001\/offerrowlist failed: HTTP 500/)]);

    sim.setFaults({ reset: true });
    const retry = await runnerFor(erp, store.runs).process(raw, { mailbox: MAILBOX });

    expect(retry.runId).toBe(first.runId);
    expect(retry.result.status).toBe('created');
    expect(retry.result.offerNumber).toBe('10001');
    expect((await erp.offers.get('10001'))?.lines).toHaveLength(2);
    expect(await erp.offers.get('10002')).toBeNull();
  });
});
