import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBcErp } from '../../../src/erp/bc/adapter.js';
import { quoted } from '../../../src/erp/bc/client.js';
import { parseBcSettings } from '../../../src/erp/bc/settings.js';
import { startBcSimulator, type RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import type { Clock } from '../../../src/time/clock.js';
import { systemClock } from '../../../src/time/clock.js';
import { offerDraft, withLines } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { tempDataDir } from '../../support/seller.js';
import { BC_APP, bcSettings, MASTER_DATA } from '../conformance/harnesses.js';

const TOKEN_CALL = 'POST /oauth2/v2.0/token';
const CUSTOMERS_CALL = '^GET /companies\\(:id\\)/customers$';

/** Real time, which a test can move ahead: the adapter then believes its token is older than it is. */
function shiftableClock(): Clock & { skip(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), monotonicMs: () => performance.now() + offset, skip: (ms) => (offset += ms) };
}

let sim: RunningBcSimulator;
let erp: ErpAdapter;
const clock = shiftableClock();

const seed = { ...MASTER_DATA, customers: [...MASTER_DATA.customers, { ...MASTER_DATA.customers[1]!, number: '20009', name: "O'Brien Oy", businessId: null }] };
const open = (settings: Record<string, unknown> = {}) => openBcErp({ settings: { ...bcSettings(sim), ...settings }, clock });
const count = (call: string) => sim.calls.filter((c) => c === call).length;

beforeEach(async () => {
  sim = await startBcSimulator({ file: join(tempDataDir(), 'bc-sim.sqlite'), ...BC_APP, seed, clock: systemClock });
  erp = await open();
});

afterEach(async () => {
  await erp.close();
  await sim.close();
});

describe('Business Central token', () => {
  it('asks for one token however many calls wait for it, and renews it before it expires', async () => {
    sim.setFaults({ tokenTtlSeconds: 600 });
    await Promise.all([erp.customers.getByNumber('20001'), erp.products.getBySku('1000015'), erp.persons.list()]);
    expect(count(TOKEN_CALL)).toBe(1);

    clock.skip(530_000);
    await erp.customers.getByNumber('20001');
    expect(count(TOKEN_CALL)).toBe(1);
    clock.skip(20_000);
    await erp.customers.getByNumber('20001');
    expect(count(TOKEN_CALL)).toBe(2);
  });

  it('asks for a new token once when Business Central refuses the one it holds, and repeats the call', async () => {
    await erp.check();
    sim.setFaults({ revokeTokens: true });
    expect((await erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    expect(count(TOKEN_CALL)).toBe(2);
  });

  it('gives up after one new token when Business Central goes on refusing, saying so', async () => {
    await erp.check();
    sim.setFaults({ fail: [{ status: 401, count: 2, match: CUSTOMERS_CALL }] });
    await expect(erp.customers.getByNumber('20001')).rejects.toThrow(/^Business Central GET \/companies\([0-9a-f-]+\)\/customers failed: HTTP 401 /);
    expect(count(TOKEN_CALL)).toBe(2);
  });

  it("names Entra's refusal of a wrong secret, and never the secret", async () => {
    const secret = 'wrong~secret~value';
    const wrong = await open({ clientSecret: secret });
    const error = await wrong.check().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Business Central POST token \(before GET \/companies\) failed: HTTP 401 invalid_client: AADSTS7000215: Invalid client secret/);
    expect(error?.message).not.toContain(secret);
  });

  it('keeps the secret out of settings errors and network errors', async () => {
    const secret = 'never~shown~secret';
    expect(() => parseBcSettings({ tenant: '', company: 'C', clientId: 'id', clientSecret: secret })).toThrow(/erp\.settings\.tenant/);
    expect(() => parseBcSettings({ tenant: '', company: 'C', clientId: 'id', clientSecret: secret })).not.toThrow(new RegExp(secret));
    const away = await open({ clientSecret: secret, tokenUrl: 'http://127.0.0.1:65530/token', maxRetries: 0 });
    await expect(away.check()).rejects.toThrow(/network error ECONNREFUSED/);
    await expect(away.check()).rejects.not.toThrow(new RegExp(secret));
  });
});

describe('Business Central client', () => {
  it('defaults to Business Central online for the tenant and environment', () => {
    const settings = parseBcSettings({ tenant: 'contoso.fi', company: 'CRONUS', clientId: 'id', clientSecret: 's' });
    expect(settings.tokenUrl).toBe('https://login.microsoftonline.com/contoso.fi/oauth2/v2.0/token');
    expect(settings.apiUrl).toBe('https://api.businesscentral.dynamics.com/v2.0/contoso.fi/production/api/v2.0');
  });

  it('follows the next links of a list paged at the size it asks for', async () => {
    const before = sim.calls.length;
    expect((await erp.persons.list()).map((p) => p.number)).toEqual(['101', '102']);
    const small = await open({ pageSize: 1 });
    expect((await small.persons.list()).map((p) => p.number)).toEqual(['101', '102']);
    const pages = sim.calls.slice(before).filter((c) => c === 'GET /companies(:id)/salespeoplePurchasers');
    expect(pages).toHaveLength(1 + 2);
  });

  it('keeps to the pace it is given, token requests aside', async () => {
    const paced = await open({ maxCallsPerSecond: 10 });
    await paced.check();
    const started = Date.now();
    for (const number of ['20001', '20002', '20003', '20001', '20002']) await paced.customers.getByNumber(number);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('writes a quote in a filter value twice, so a name with an apostrophe is found', async () => {
    expect(quoted("O'Brien")).toBe("'O''Brien'");
    expect((await erp.customers.searchByName("O'Brien")).map((c) => c.number)).toEqual(['20009']);
  });

  it("says which call Business Central refused, with its OData error code and message", async () => {
    const unknownItem = withLines(offerDraft('OF-client-1'), [{ ...offerDraft().lines[0]!, sku: '9999999' }]);
    await expect(erp.offers.create(unknownItem, NO_FENCE)).rejects.toThrow(
      /^Business Central POST \/companies\([0-9a-f-]+\)\/salesQuotes\([0-9a-f-]+\)\/salesQuoteLines failed: HTTP 400 Application_DialogException: Item does not exist\./,
    );
  });

  it('waits as long as Retry-After says on 429 and 503, then tries again', async () => {
    await erp.check();
    sim.setFaults({ fail: [{ status: 429, retryAfterSeconds: 1, match: CUSTOMERS_CALL }, { status: 503, retryAfterSeconds: 1, match: CUSTOMERS_CALL }] });
    const started = Date.now();
    expect((await erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('retries a read through passing 5xx with backoff, and gives up naming the status when they go on', async () => {
    sim.setFaults({ fail: [{ status: 502, count: 2, match: CUSTOMERS_CALL }] });
    expect((await erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
    sim.setFaults({ fail: [{ status: 500, count: 10, match: CUSTOMERS_CALL }] });
    await expect(erp.customers.getByNumber('20001')).rejects.toThrow(/customers failed: HTTP 500 Internal_ServerError/);
  });

  it('names the call whose 2xx answer is not JSON', async () => {
    await erp.check();
    sim.setFaults({ garble: [{ match: CUSTOMERS_CALL }] });
    await expect(erp.customers.getByNumber('20001')).rejects.toThrow(/^Business Central GET \/companies\([0-9a-f-]+\)\/customers failed: answer is not JSON \(text\/html[^)]*\): <html>/);
  });

  it('knows no salespeople in a Business Central whose API lacks salespeoplePurchasers, rather than failing every run', async () => {
    sim.setFaults({ fail: [{ status: 404, count: 3, match: '^GET /companies\\(:id\\)/salespeoplePurchasers$' }] });
    expect(await erp.persons.list()).toEqual([]);
    expect(await erp.persons.getByNumber('101')).toBeNull();
    expect(await erp.persons.findByEmail('mikko@seller.fi')).toBeNull();
    expect((await erp.persons.getByNumber('101'))?.name).toBe('Mikko Myyjä');
  });

  it('checks the token and the company, naming a company that is not there', async () => {
    await expect(erp.check()).resolves.toBeUndefined();
    const elsewhere = await open({ company: 'No Such Company' });
    await expect(elsewhere.check()).rejects.toThrow("Business Central GET /companies failed: no company named 'No Such Company' in this environment (erp.settings.company)");
  });
});
