import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BC_SETTINGS, startDemoBc } from '../../../src/cli/commands/sim.js';
import { PACKAGE_ROOT } from '../../../src/cli/package-root.js';
import type { MasterData } from '../../../src/domain/master-data.js';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import { openLocalErp, type LocalErp } from '../../../src/erp/local/adapter.js';
import type { ErpAdapter, PriceRequestLine } from '../../../src/erp/ports.js';
import { readMasterData } from '../../../src/import/read-master-data.js';
import { systemClock } from '../../../src/time/clock.js';
import { tempDataDir } from '../../support/seller.js';

/** A day the 2025 price rows hold on, and one the 2026–2027 rows do. */
const DAYS = ['2025-06-01', '2026-11-24'];
/** Below and at the demo's quantity breaks. */
const QUANTITIES = ['1', '99', '100', '250'];

let data: MasterData;
let sim: RunningBcSimulator;
let bc: ErpAdapter;
let local: LocalErp;

beforeAll(async () => {
  data = await readMasterData(join(PACKAGE_ROOT, 'demo', 'data'));
  const dataDir = tempDataDir();
  sim = await startDemoBc(dataDir);
  bc = await openBcErp({ settings: { ...DEMO_BC_SETTINGS, tokenUrl: sim.tokenUrl, apiUrl: sim.apiUrl, maxCallsPerSecond: 1000 }, clock: systemClock });
  local = await openLocalErp({ dataDir, clock: systemClock });
  await local.masterData.inTransaction((writer) => writer.write(data));
});

afterAll(async () => {
  await bc.close();
  await local.close();
  await sim.close();
});

/** Every product a price rule names by sku, one of each group a rule names, and two no rule reaches. */
function sampleProducts(): string[] {
  const bySku = data.priceRules.flatMap((rule) => (rule.target.kind === 'sku' ? [rule.target.sku] : []));
  const groups = new Set(data.priceRules.flatMap((rule) => (rule.target.kind === 'group' ? [rule.target.group] : [])));
  const byGroup = [...groups].map((group) => data.products.find((p) => p.group === group && !bySku.includes(p.sku))!.sku);
  const reached = (sku: string) => bySku.includes(sku) || groups.has(data.products.find((p) => p.sku === sku)!.group ?? '');
  const unreached = data.products.filter((p) => !reached(p.sku)).slice(0, 2).map((p) => p.sku);
  return [...new Set([...bySku, ...byGroup, ...unreached])];
}

interface Priced {
  line: string;
  unitPrice: number;
  discountPercent: number;
}

const priced = async (erp: ErpAdapter, customerNumber: string | null, date: string, lines: PriceRequestLine[]): Promise<Priced[]> =>
  (await erp.pricing.price({ customerNumber, date, lines })).map((p, i) => ({ line: `${p.sku} × ${lines[i]!.quantity}`, unitPrice: Number(p.unitPrice), discountPercent: Number(p.discountPercent) }));

describe("the demo's Business Central prices as the embedded ERP does", () => {
  it('for every customer and none, each sampled product, quantity and day', async () => {
    const skus = sampleProducts();
    expect(skus.length).toBeGreaterThan(10);
    const customers = [null, ...data.customers.map((c) => c.number)];
    const listPrice = new Map(data.products.map((p) => [p.sku, Number(p.listPrice)]));
    let compared = 0;
    let ruled = 0;
    for (const customer of customers) {
      for (const date of DAYS) {
        const lines = QUANTITIES.flatMap((quantity) => skus.map((sku) => ({ sku, quantity })));
        const [fromBc, fromLocal] = await Promise.all([priced(bc, customer, date, lines), priced(local, customer, date, lines)]);
        expect(fromBc, `customer ${customer ?? 'none'} on ${date}`).toEqual(fromLocal);
        compared += lines.length;
        ruled += fromLocal.filter((p) => p.discountPercent !== 0 || p.unitPrice !== listPrice.get(p.line.split(' ')[0]!)).length;
      }
    }
    // The comparison reached the price lists, not only list prices.
    expect(ruled).toBeGreaterThan(100);
    expect(compared).toBe(customers.length * DAYS.length * QUANTITIES.length * skus.length);
  });
});
