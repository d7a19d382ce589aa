import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock } from '../../../src/time/clock.js';
import { reviewedDraft } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { BC_PROSPECT, bcSettings, startBc } from '../conformance/harnesses.js';
import { expectStoredAsSent } from '../conformance/stored-as-sent.js';

let sim: RunningBcSimulator;
const open = (settings: Record<string, unknown>) => openBcErp({ settings: { ...bcSettings(sim), ...settings }, clock: systemClock });
const adapters: ErpAdapter[] = [];

beforeEach(async () => {
  sim = await startBc();
});

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((erp) => erp.close()));
  await sim.close();
});

describe('Business Central quotes for unknown senders', () => {
  const unknown = { ...reviewedDraft('OF-prospect-1'), customer: null };

  it("makes them for the prospects' customer and reads them back as having no customer", async () => {
    const erp = await open({});
    adapters.push(erp);
    const created = await erp.offers.create(unknown, NO_FENCE);
    expectStoredAsSent(created, unknown);
    expectStoredAsSent(await erp.offers.replace(reviewedDraft('OF-prospect-1'), NO_FENCE), reviewedDraft('OF-prospect-1'));
  });

  it("never offers the prospects' customer as anyone's", async () => {
    const erp = await open({});
    adapters.push(erp);
    expect(await erp.customers.getByNumber(BC_PROSPECT.number)).toBeNull();
    expect(await erp.customers.searchByName(BC_PROSPECT.name)).toEqual([]);
    const without = await open({ prospectCustomer: undefined });
    adapters.push(without);
    expect((await without.customers.getByNumber(BC_PROSPECT.number))?.name).toBe(BC_PROSPECT.name);
  });

  it("refuses them before writing anything when no prospects' customer is set, naming the setting", async () => {
    const erp = await open({ prospectCustomer: undefined });
    adapters.push(erp);
    const before = sim.calls.length;
    await expect(erp.offers.create(unknown, NO_FENCE)).rejects.toThrow(/erp\.settings\.prospectCustomer/);
    expect(sim.calls.slice(before).filter((call) => !call.startsWith('GET ') && !call.startsWith('POST /oauth2'))).toEqual([]);
  });
});
