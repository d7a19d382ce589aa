import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock, type Clock } from '../../../src/time/clock.js';
import { reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { bcSettings, listedQuotes, startBc } from '../conformance/harnesses.js';

const DAY = '2026-11-24';
const QUOTE_POST = '^POST /companies\\(:id\\)/salesQuotes$';
const QUOTE_DELETE = '^DELETE /companies\\(:id\\)/salesQuotes\\(:id\\)$';
/** 20001's price list gives 2000020 at 11.00 from 10 pieces (list price 15) and 10 % off 1000015's group (list price 8). */
const REQUEST = { customerNumber: '20001', date: DAY, lines: [{ sku: '2000020', quantity: '10' }, { sku: '1000015', quantity: '3' }] };
const PRICED = [
  { sku: '2000020', unitPrice: 11, discountPercent: 0 },
  { sku: '1000015', unitPrice: 8, discountPercent: 10 },
];

let sim: RunningBcSimulator;
const adapters: ErpAdapter[] = [];

async function open(settings: Record<string, unknown> = {}, clock: Clock = systemClock): Promise<ErpAdapter> {
  const erp = await openBcErp({ settings: { ...bcSettings(sim), ...settings }, clock });
  adapters.push(erp);
  return erp;
}

const prices = async (erp: ErpAdapter) => (await erp.pricing.price(REQUEST)).map((p) => ({ sku: p.sku, unitPrice: Number(p.unitPrice), discountPercent: Number(p.discountPercent) }));
const writes = (from: number) => sim.calls.slice(from).filter((call) => /^(POST|PATCH|DELETE) \/companies/.test(call));
const hourLater: Clock = { now: () => new Date(Date.now() + 3_600_000), monotonicMs: () => performance.now() };

beforeEach(async () => {
  sim = await startBc();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((erp) => erp.close()));
  await sim.close();
});

describe('Business Central pricing through a scratch quote', () => {
  it("gives BC's own prices by one deep insert and its delete, leaving no quote", async () => {
    const erp = await open();
    const from = sim.calls.length;
    expect(await prices(erp)).toEqual(PRICED);
    expect(writes(from)).toEqual(['POST /companies(:id)/salesQuotes', 'DELETE /companies(:id)/salesQuotes(:id)']);
    expect(await listedQuotes(sim)).toEqual([]);
  });

  it('uses and deletes the scratch quote whose POST answer was lost, found by its marker', async () => {
    const erp = await open();
    sim.setFaults({ crashAfter: [{ match: QUOTE_POST }] });
    const from = sim.calls.length;
    expect(await prices(erp)).toEqual(PRICED);
    expect(writes(from).filter((call) => call.startsWith('POST'))).toHaveLength(1);
    expect(await listedQuotes(sim)).toEqual([]);
  });

  it('is done when the answer to its DELETE was lost', async () => {
    const erp = await open();
    sim.setFaults({ crashAfter: [{ match: QUOTE_DELETE }] });
    expect(await prices(erp)).toEqual(PRICED);
    expect(await listedQuotes(sim)).toEqual([]);
  });

  it("deletes the leftover of a call whose DELETE kept failing in the next process once it is old, never one that may be in flight", async () => {
    sim.setFaults({ fail: [{ status: 500, count: 4, match: QUOTE_DELETE }] });
    await expect((await open()).pricing.price(REQUEST)).rejects.toThrow(/500/);
    const [leftover] = await listedQuotes(sim);
    expect(leftover).toBeDefined();

    const next = await open();
    expect(await next.offers.get(leftover!)).toBeNull();
    expect(await prices(next)).toEqual(PRICED);
    expect(await listedQuotes(sim)).toEqual([leftover]);

    expect(await prices(await open({}, hourLater))).toEqual(PRICED);
    expect(await listedQuotes(sim)).toEqual([]);
  });

  it('never takes a scratch quote for an offer, nor makes an offer that could be taken for one', async () => {
    const erp = await open();
    await expect(erp.offers.findByReference('OFFERFLOW-PRICING-1')).resolves.toBeNull();
    await expect(erp.offers.create(reviewedDraft('offerflow-pricing-1'), NO_FENCE)).rejects.toThrow(/pricing quotes/);
    expect(await listedQuotes(sim)).toEqual([]);
  });

  it('offers the item price without discount and writes nothing under pricing itemPrice', async () => {
    const erp = await open({ pricing: 'itemPrice' });
    const from = sim.calls.length;
    expect(await prices(erp)).toEqual([
      { sku: '2000020', unitPrice: 15, discountPercent: 0 },
      { sku: '1000015', unitPrice: 8, discountPercent: 0 },
    ]);
    expect(writes(from)).toEqual([]);
    await expect(open({ pricing: 'lists' })).rejects.toThrow(/erp\.settings\.pricing/);
  });
});
