import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MasterData } from '../../../src/domain/master-data.js';
import { startBcSimulator, type RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import { BC_SIM_COMPANY_NAME } from '../../../src/erp/bc/simulator/seed.js';
import { clockAt, type TestClock } from '../../support/clock.js';
import { CUSTOMERS, PERSONS, PRODUCTS, tempDataDir } from '../../support/seller.js';

const APP = { tenant: 'offerflow-test.onmicrosoft.com', clientId: 'b7c1d2e3-0000-4000-8000-000000000001', clientSecret: 'sim-secret' };
const SCOPE = 'https://api.businesscentral.dynamics.com/.default';

const SEED: MasterData = {
  products: PRODUCTS,
  persons: PERSONS,
  customers: [...CUSTOMERS, { ...CUSTOMERS[1]!, number: '20004', name: "O'Brien Oy", email: 'info@obrien.ie', businessId: null, vat: null, sellerNumber: '101' }],
  priceRules: [],
};

let dataDir: string;
let clock: TestClock;
let sim: RunningBcSimulator;

async function startSim(): Promise<RunningBcSimulator> {
  return startBcSimulator({ file: join(dataDir, 'bc-sim.sqlite'), ...APP, seed: SEED, clock });
}

beforeEach(async () => {
  dataDir = tempDataDir();
  clock = clockAt('2026-12-07T09:00:00Z');
  sim = await startSim();
});

afterEach(async () => {
  await sim.close();
});

function requestToken(fields: Record<string, string>, url = sim.tokenUrl): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
}

const GOOD_FORM = { grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret, scope: SCOPE };

async function token(): Promise<string> {
  const answer = await requestToken(GOOD_FORM);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { access_token: string }).access_token;
}

interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; bearer?: string } = {}): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${sim.apiUrl}${path}`;
  const answer = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${init.bearer ?? (await token())}`, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

type Entity = Record<string, unknown> & { id: string; '@odata.etag': string };
const values = (answer: Answer) => answer.json.value as Entity[];

async function companyPath(): Promise<string> {
  const companies = values(await call('/companies'));
  return `/companies(${companies.find((c) => c.name === BC_SIM_COMPANY_NAME)!.id})`;
}

describe('Business Central simulator: the token endpoint', () => {
  it('issues a bearer token for the app and tenant, and the API accepts it', async () => {
    const answer = await requestToken(GOOD_FORM);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    expect((await call('/companies', { bearer: String(body.access_token) })).status).toBe(200);
  });

  it('refuses as Entra does: a wrong secret 401 invalid_client, a wrong scope, client or tenant 400', async () => {
    const refusals = [
      [{ ...GOOD_FORM, client_secret: 'wrong' }, sim.tokenUrl, 401, 'invalid_client', 7000215],
      [{ ...GOOD_FORM, scope: 'https://graph.microsoft.com/.default' }, sim.tokenUrl, 400, 'invalid_scope', 70011],
      [{ ...GOOD_FORM, client_id: 'someone-else' }, sim.tokenUrl, 400, 'unauthorized_client', 700016],
      [{ ...GOOD_FORM, grant_type: 'password' }, sim.tokenUrl, 400, 'unsupported_grant_type', 70003],
      [GOOD_FORM, sim.tokenUrl.replace(APP.tenant, 'other-tenant'), 400, 'invalid_request', 90002],
    ] as const;
    for (const [form, url, status, error, code] of refusals) {
      const answer = await requestToken(form, url);
      expect(answer.status).toBe(status);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ error, error_codes: [code] });
      expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `));
    }
  });

  it('answers 401 with a BC error once a token has expired, and with a fault-set lifetime', async () => {
    sim.setFaults({ tokenTtlSeconds: 60 });
    const bearer = await token();
    expect((await call('/companies', { bearer })).status).toBe(200);
    clock.advance(61_000);
    const expired = await call('/companies', { bearer });
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: { code: 'Authentication_InvalidCredentials' } });
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('stops every token issued so far when tokens are revoked', async () => {
    const bearer = await token();
    sim.setFaults({ revokeTokens: true });
    expect((await call('/companies', { bearer })).status).toBe(401);
    expect((await call('/companies')).status).toBe(200);
  });
});

describe('Business Central simulator: reading', () => {
  it('lists the company and answers one by id, each with an ETag', async () => {
    const company = values(await call('/companies'))[0]!;
    expect(company.name).toBe(BC_SIM_COMPANY_NAME);
    const one = await call(`/companies(${company.id})`);
    expect(one.json).toMatchObject({ id: company.id, name: BC_SIM_COMPANY_NAME });
    expect(one.headers.get('etag')).toBe(one.json['@odata.etag']);
  });

  it('serves customers, items and salespeople in the APIV2 pages’ shapes, seeded from the master data', async () => {
    const company = await companyPath();
    const customers = values(await call(`${company}/customers`));
    expect(customers.map((c) => c.number)).toEqual(['20001', '20002', '20003', '20004']);
    expect(customers[0]).toMatchObject({ displayName: 'Putki Oy', email: 'tilaukset@putki.fi', taxRegistrationNumber: 'FI15728600', salespersonCode: '102', country: 'FI' });
    expect(customers[1]!.taxRegistrationNumber).toBe('FI23456780');
    expect(customers.map((c) => c.website)).toEqual(['', 'shared.fi', 'shared.fi', 'shared.fi']);
    expect(customers[0]!.blocked).toBe('_x0020_');
    sim.setFaults({ variant: { blankEnumMember: ' ' } });
    const unblocked = values(await call(`${company}/customers?$filter=${encodeURIComponent("blocked eq '_x0020_'")}`));
    expect(unblocked.map((c) => c.blocked)).toEqual([' ', ' ', ' ', ' ']);
    expect(values(await call(`${company}/customers?$filter=${encodeURIComponent("blocked eq ' '")}`))).toHaveLength(4);
    const items = values(await call(`${company}/items`));
    expect(items[0]).toMatchObject({ number: '1000015', displayName: 'Kupariputki 15x1,0 kova', gtin: '6401234567897', unitPrice: 8, baseUnitOfMeasureCode: 'M', itemCategoryCode: 'CU', blocked: false });
    const people = values(await call(`${company}/salespeoplePurchasers`));
    expect(people.map((p) => [p.code, p.displayName])).toEqual([
      ['101', 'Mikko Myyjä'],
      ['102', 'Sanna Sähkö'],
    ]);
    expect((await call(`${company}/items(${items[1]!.id})`)).json).toMatchObject({ number: '1000022' });
  });

  it('pages by Prefer: odata.maxpagesize, following @odata.nextLink to the end', async () => {
    const company = await companyPath();
    const seen: string[] = [];
    let next: string | undefined = `${company}/items?$select=number,unitPrice`;
    let pages = 0;
    while (next) {
      const page = await call(next, { headers: { Prefer: 'odata.maxpagesize=2' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
      expect(values(page).length).toBeLessThanOrEqual(2);
      seen.push(...values(page).map((item) => String(item.number)));
      for (const item of values(page)) expect(Object.keys(item).sort()).toEqual(['@odata.etag', 'number', 'unitPrice']);
      next = page.json['@odata.nextLink'] as string | undefined;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(PRODUCTS.map((p) => p.sku));
  });

  it('pages by its own default size when switched to one, and honours $top and $skip across pages', async () => {
    sim.setFaults({ variant: { defaultPageSize: 2 } });
    const company = await companyPath();
    const first = await call(`${company}/items?$skip=1&$top=3`);
    expect(values(first).map((i) => i.number)).toEqual(['1000022', '2000020']);
    expect(first.headers.get('preference-applied')).toBeNull();
    expect((await call(`${company}/items?$count=true&$top=1`)).json['@odata.count']).toBe(PRODUCTS.length);
    const byPrice = values(await call(`${company}/items?$orderby=unitPrice desc,number&$select=number`, { headers: { Prefer: 'odata.maxpagesize=10' } }));
    expect(byPrice.map((i) => i.number)).toEqual(['2000020', '1000022', '1000015', '4000048', '3000325']);
    const second = await call(String(first.json['@odata.nextLink']));
    expect(values(second).map((i) => i.number)).toEqual(['3000325']);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('filters with eq/and/ge/gt, a doubled quote inside a string, contains, and a bare datetime', async () => {
    const company = await companyPath();
    const filter = async (set: string, expression: string) => values(await call(`${company}/${set}?$filter=${encodeURIComponent(expression)}`));
    expect((await filter('customers', "displayName eq 'O''Brien Oy'")).map((c) => c.number)).toEqual(['20004']);
    expect((await filter('customers', "email eq 'TILAUKSET@putki.fi'")).map((c) => c.number)).toEqual(['20001']);
    expect((await filter('items', "unitPrice ge 10 and unitPrice lt 15")).map((i) => i.number)).toEqual(['1000022']);
    expect((await filter('items', "gtin eq '6401234567897'")).map((i) => i.number)).toEqual(['1000015']);
    expect((await filter('items', "number in ('2000020', '1000015','nope')")).map((i) => i.number)).toEqual(['1000015', '2000020']);
    expect((await filter('items', "contains(displayName,'kupari') and (number eq '1000015' or number eq '1000022')")).length).toBe(2);
    expect(await filter('items', 'lastModifiedDateTime gt 2026-12-07T09:00:00Z')).toEqual([]);
    expect((await filter('items', 'lastModifiedDateTime ge 2026-12-07T09:00:00.000Z')).length).toBe(PRODUCTS.length);
  });

  it('refuses what it does not understand with a 400 OData error naming it', async () => {
    const company = await companyPath();
    const refused = async (query: string) => {
      const answer = await call(`${company}/customers?${query}`);
      expect(answer.status).toBe(400);
      const error = (answer.json as { error: { code: string; message: string } }).error;
      expect(error.message).toMatch(/CorrelationId/);
      return error;
    };
    expect((await refused(`$filter=${encodeURIComponent("tolower(displayName) eq 'x'")}`)).message).toMatch(/'tolower'/);
    expect((await refused(`$filter=${encodeURIComponent("number eq '1' or email eq 'x'")}`)).message).toMatch(/'or'/);
    expect((await refused(`$filter=${encodeURIComponent("nosuch eq 'x'")}`)).message).toMatch(/'nosuch' on type 'Microsoft.NAV.customer'/);
    expect((await refused(`$filter=${encodeURIComponent("number eq 'unterminated")}`)).message).toMatch(/Unterminated/);
    expect((await refused(`$filter=${encodeURIComponent('number eq 20001')}`)).message).toMatch(/incompatible types/);
    expect((await refused(`$filter=${encodeURIComponent(`number eq '${'9'.repeat(21)}'`)}`)).code).toBe('Application_FilterErrorException');
    expect((await refused('$select=number,nosuch')).message).toMatch(/'nosuch'/);
    expect((await refused('$search=putki')).message).toMatch(/'\$search'/);
    expect((await refused('$top=-1')).message).toMatch(/\$top/);
  });

  it('answers unknown ids and segments with 404 in the BC error shape', async () => {
    const company = await companyPath();
    const missing = await call(`${company}/customers(00000000-0000-4000-8000-000000000000)`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: { code: 'BadRequest_NotFound' } });
    expect((await call(`${company}/vendors`)).json).toMatchObject({ error: { code: 'BadRequest_ResourceNotFound' } });
    expect((await call(`/companies(00000000-0000-4000-8000-000000000000)/items`)).status).toBe(404);
    expect((await call(`${company}/items`, { method: 'PUT', body: {} })).json).toMatchObject({ error: { code: 'BadRequest_MethodNotAllowed' } });
    expect((await call('http://' + new URL(sim.apiUrl).host + '/nowhere')).json).toMatchObject({ error: { code: 'BadRequest_ResourceNotFound' } });
  });
});

describe('Business Central simulator: sales quotes', () => {
  async function newQuote(company: string, body: Record<string, unknown> = {}): Promise<Entity> {
    const created = await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', ...body } });
    expect(created.status).toBe(201);
    return created.json as Entity;
  }

  it('creates a quote numbered from its series, with the customer’s defaults and the external document number upper-cased', async () => {
    const company = await companyPath();
    const created = await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', externalDocumentNumber: 'po-123/a', validUntilDate: '2027-01-06' } });
    const quote = created.json as Entity;
    expect(created.headers.get('location')).toBe(`${sim.apiUrl}${company}/salesQuotes(${quote.id})`);
    expect(quote).toMatchObject({ number: 'S-QUO1001', externalDocumentNumber: 'PO-123/A', customerNumber: '20001', customerName: 'Putki Oy', salesperson: '102', status: 'Draft', documentDate: '2026-12-07', validUntilDate: '2027-01-06', totalAmountExcludingTax: 0 });
    expect((await newQuote(company)).number).toBe('S-QUO1002');
    const found = values(await call(`${company}/salesQuotes?$filter=${encodeURIComponent("externalDocumentNumber eq 'PO-123/A' and customerNumber eq '20001'")}`));
    expect(found.map((q) => q.id)).toEqual([quote.id]);
  });

  it('refuses an unknown customer, a missing one, an over-long external document number and a read-only field', async () => {
    const company = await companyPath();
    const refusal = async (body: Record<string, unknown>) => (await call(`${company}/salesQuotes`, { method: 'POST', body })).json as { error: { code: string; message: string } };
    expect((await refusal({ customerNumber: '99999' })).error).toMatchObject({ code: 'Application_DialogException', message: expect.stringMatching(/^The sell-to customer cannot be found\./) });
    expect((await refusal({ externalDocumentNumber: 'X' })).error.message).toMatch(/"customerNumber" or a "customerId" must be provided/);
    expect((await refusal({ customerNumber: '20001', externalDocumentNumber: 'x'.repeat(36) })).error.code).toBe('Application_StringExceededLength');
    expect((await refusal({ customerNumber: '20001', number: 'S-QUO9' })).error.code).toBe('BadRequest_InvalidOperation');
    expect((await refusal({ customerNumber: '20001', salesperson: 'NOBODY' })).error.code).toBe('Internal_InvalidTableRelation');
    expect(values(await call(`${company}/salesQuotes`))).toEqual([]);
    sim.setFaults({ variant: { readOnlyWrites: 'ignored' } });
    expect((await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', number: 'S-QUO9' } })).json).toMatchObject({ number: 'S-QUO1001' });
  });

  it('prices a line from the item when unitPrice is left out, keeps a given one, and keeps the totals', async () => {
    const company = await companyPath();
    const quote = await newQuote(company);
    const lines = `${company}/salesQuotes(${quote.id})/salesQuoteLines`;
    const priced = await call(lines, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: '1000022', quantity: 3 } });
    expect(priced.status).toBe(201);
    expect(priced.json).toMatchObject({ documentId: quote.id, sequence: 10000, lineType: 'Item', description: 'Kupariputki 22x1,0 kova', unitOfMeasureCode: 'M', unitPrice: 10, quantity: 3, amountExcludingTax: 30, taxPercent: 25.5, totalTaxAmount: 7.65, amountIncludingTax: 37.65 });
    const items = values(await call(`${company}/items?$filter=${encodeURIComponent("number eq '2000020'")}`));
    const given = await call(lines, { method: 'POST', body: { itemId: items[0]!.id, quantity: 2, unitPrice: 12.5, discountPercent: 10 } });
    expect(given.json).toMatchObject({ lineObjectNumber: '2000020', unitPrice: 12.5, discountAmount: 2.5, amountExcludingTax: 22.5, sequence: 20000 });
    const totals = (await call(`${company}/salesQuotes(${quote.id})`)).json;
    expect(totals).toMatchObject({ totalAmountExcludingTax: 52.5, totalTaxAmount: 13.39, totalAmountIncludingTax: 65.89 });
    const unknown = await call(lines, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: 'NOPE', quantity: 1 } });
    expect(unknown.json).toMatchObject({ error: { code: 'Application_DialogException', message: expect.stringMatching(/^Item does not exist\./) } });
  });

  it('changes the ETag on every write, answers a stale If-Match with 412 and a missing one with 400, and takes *', async () => {
    const company = await companyPath();
    const quote = await newQuote(company);
    const path = `${company}/salesQuotes(${quote.id})`;
    const missing = await call(path, { method: 'PATCH', body: { externalDocumentNumber: 'A' } });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: { code: 'BadRequest_InvalidToken' } });
    const patched = await call(path, { method: 'PATCH', body: { externalDocumentNumber: 'a' }, headers: { 'If-Match': quote['@odata.etag'] } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ externalDocumentNumber: 'A' });
    expect(patched.json['@odata.etag']).not.toBe(quote['@odata.etag']);
    expect(patched.headers.get('etag')).toBe(patched.json['@odata.etag']);
    const stale = await call(path, { method: 'PATCH', body: { externalDocumentNumber: 'B' }, headers: { 'If-Match': quote['@odata.etag'] } });
    expect(stale.status).toBe(412);
    expect(stale.json).toMatchObject({ error: { code: 'Request_EntityChanged' } });
    const garbled = await call(path, { method: 'PATCH', body: { externalDocumentNumber: 'B' }, headers: { 'If-Match': 'W/"not-a-bc-etag"' } });
    expect(garbled.json).toMatchObject({ error: { code: 'BadRequest_InvalidToken' } });
    sim.setFaults({ variant: { staleEtagStatus: 409 } });
    expect((await call(path, { method: 'DELETE', headers: { 'If-Match': quote['@odata.etag'] } })).status).toBe(409);
    const line = (await call(`${path}/salesQuoteLines`, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: '1000015', quantity: 1 } })).json as Entity;
    const afterLine = (await call(path)).json;
    expect(afterLine['@odata.etag']).not.toBe(patched.json['@odata.etag']);
    expect(afterLine.totalAmountExcludingTax).toBe(8);
    expect((await call(`${company}/salesQuoteLines(${line.id})`, { method: 'PATCH', body: { quantity: 2 }, headers: { 'If-Match': '*' } })).json).toMatchObject({ quantity: 2, unitPrice: 8, amountExcludingTax: 16 });
    const current = (await call(path)).json['@odata.etag'] as string;
    const racing = await Promise.all(['C', 'D'].map((reference) => call(path, { method: 'PATCH', body: { externalDocumentNumber: reference }, headers: { 'If-Match': current } })));
    expect(racing.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });

  it('patches and deletes lines by their own path, recomputing the quote totals, and deletes the quote with its lines', async () => {
    const company = await companyPath();
    const quote = await newQuote(company);
    const lines = `${company}/salesQuotes(${quote.id})/salesQuoteLines`;
    const first = (await call(lines, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: '1000015', quantity: 1 } })).json as Entity;
    const second = (await call(lines, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: '1000022', quantity: 1 } })).json as Entity;
    const patched = await call(`${lines}(${first.id})`, { method: 'PATCH', body: { quantity: 5, unitPrice: 7 }, headers: { 'If-Match': first['@odata.etag'] } });
    expect(patched.json).toMatchObject({ quantity: 5, unitPrice: 7, amountExcludingTax: 35 });
    expect((await call(`${lines}(${first.id})`, { method: 'PATCH', body: { sequence: 30000 }, headers: { 'If-Match': '*' } })).json).toMatchObject({ error: { code: 'Application_DialogException' } });
    expect((await call(`${lines}(${first.id})`, { method: 'PATCH', body: { lineObjectNumber: '1000022' }, headers: { 'If-Match': '*' } })).status).toBe(400);
    expect((await call(`${company}/salesQuotes(${quote.id})`)).json.totalAmountExcludingTax).toBe(45);
    expect((await call(`${lines}(${second.id})`, { method: 'DELETE', headers: { 'If-Match': second['@odata.etag'] } })).status).toBe(204);
    expect(values(await call(lines)).map((l) => l.id)).toEqual([first.id]);
    expect((await call(`${company}/salesQuotes(${quote.id})`)).json.totalAmountExcludingTax).toBe(35);
    expect((await call(`${company}/salesQuoteLines`)).json).toMatchObject({ error: { message: expect.stringMatching(/Document Id/) } });
    expect(values(await call(`${company}/salesQuoteLines?$filter=documentId eq ${quote.id}`)).length).toBe(1);
    const topLevel = await call(`${company}/salesQuoteLines`, { method: 'POST', body: { documentId: quote.id, lineType: 'Comment', description: 'huom.' } });
    expect(topLevel.json).toMatchObject({ documentId: quote.id, sequence: 20000, lineType: 'Comment' });
    expect((await call(`${company}/salesQuotes(${quote.id})`, { method: 'DELETE', headers: { 'If-Match': '*' } })).status).toBe(204);
    expect((await call(`${lines}(${first.id})`)).status).toBe(404);
    expect((await call(`${company}/salesQuotes(${quote.id})`)).status).toBe(404);
  });

  it('takes a deep insert of a quote with its lines, all or nothing, and expands the lines on read', async () => {
    const company = await companyPath();
    const quote = await newQuote(company, {
      salesQuoteLines: [
        { lineType: 'Item', lineObjectNumber: '1000015', quantity: 2 },
        { lineType: 'Comment', description: 'Toimitus viikolla 2' },
      ],
    });
    expect(quote.totalAmountExcludingTax).toBe(16);
    expect((quote.salesQuoteLines as Entity[]).map((l) => l.lineObjectNumber)).toEqual(['1000015', '']);
    const expanded = (await call(`${company}/salesQuotes(${quote.id})?$expand=salesQuoteLines`)).json;
    expect((expanded.salesQuoteLines as Entity[]).map((l) => [l.lineType, l.description, l.sequence])).toEqual([
      ['Item', 'Kupariputki 15x1,0 kova', 10000],
      ['Comment', 'Toimitus viikolla 2', 20000],
    ]);
    const failed = await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', salesQuoteLines: [{ lineType: 'Item', lineObjectNumber: '1000015', quantity: 1 }, { lineType: 'Item', lineObjectNumber: 'NOPE' }] } });
    expect(failed.status).toBe(400);
    expect(values(await call(`${company}/salesQuotes`)).map((q) => q.id)).toEqual([quote.id]);
    expect((await call(`${company}/salesQuotes?$expand=dimensionSetLines`)).status).toBe(400);
  });

  it('takes a client-chosen id on POST, refusing it the second time, or refuses any when switched to', async () => {
    const company = await companyPath();
    const id = '3b0a4c6e-1111-4222-8333-444455556666';
    expect((await newQuote(company, { id })).id).toBe(id);
    expect((await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', id } })).json).toMatchObject({ error: { code: 'Internal_EntityWithSameKeyExists' } });
    sim.setFaults({ variant: { clientIds: 'refused' } });
    const refused = await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001', id: '3b0a4c6e-1111-4222-8333-444455556667' } });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: { code: 'BadRequest_InvalidOperation' } });
  });

  it('keeps quotes in its file across a restart', async () => {
    const company = await companyPath();
    const quote = await newQuote(company);
    await sim.close();
    sim = await startSim();
    expect((await call(`${company}/salesQuotes(${quote.id})`)).json).toMatchObject({ number: 'S-QUO1001' });
  });
});

describe('Business Central simulator: faults', () => {
  it('fails matching calls with the status and Retry-After set, then answers again', async () => {
    const company = await companyPath();
    sim.setFaults({ fail: [{ status: 429, count: 2, retryAfterSeconds: 3, match: '^GET /companies\\(:id\\)/items$' }] });
    const throttled = await call(`${company}/items`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect((await call(`${company}/customers`)).status).toBe(200);
    expect((await call(`${company}/items`)).status).toBe(429);
    expect((await call(`${company}/items`)).status).toBe(200);
  });

  it('stores a write and then drops the connection when told to crash after it', async () => {
    const company = await companyPath();
    const quote = (await call(`${company}/salesQuotes`, { method: 'POST', body: { customerNumber: '20001' } })).json as Entity;
    sim.setFaults({ crashAfter: [{ match: '^POST /companies\\(:id\\)/salesQuotes\\(:id\\)/salesQuoteLines$' }] });
    await expect(call(`${company}/salesQuotes(${quote.id})/salesQuoteLines`, { method: 'POST', body: { lineType: 'Item', lineObjectNumber: '1000015', quantity: 1 } })).rejects.toThrow();
    expect(values(await call(`${company}/salesQuotes(${quote.id})/salesQuoteLines`)).map((l) => l.lineObjectNumber)).toEqual(['1000015']);
    expect(sim.calls).toContain('POST /companies(:id)/salesQuotes(:id)/salesQuoteLines');
  });

  it('holds calls past the concurrent limit in a queue, and answers 429 past the queue or the five-minute window', async () => {
    const bearer = await token();
    sim.setFaults({ latencyMs: 150, limits: { concurrent: 2, queued: 2 } });
    const started = performance.now();
    const queued = await Promise.all([1, 2, 3, 4].map(() => call('/companies', { bearer })));
    expect(queued.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const overflowing = await Promise.all([1, 2, 3, 4, 5].map(() => call('/companies', { bearer })));
    expect(overflowing.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 429]);
    clock.advance(5 * 60_000);
    sim.setFaults({ reset: true, limits: { perWindow: 2 } });
    expect((await call('/companies', { bearer })).status).toBe(200);
    expect((await call('/companies', { bearer })).status).toBe(200);
    expect((await call('/companies', { bearer })).status).toBe(429);
    clock.advance(5 * 60_000);
    expect((await call('/companies', { bearer })).status).toBe(200);
  });

  it('garbles a matching answer into HTML with a 2xx status, and takes the faults over HTTP too', async () => {
    const company = await companyPath();
    const admin = new URL(sim.apiUrl).origin + '/__sim/faults';
    const set = await fetch(admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ garble: [{ match: '^GET /companies\\(:id\\)/customers$' }] }) });
    expect(set.status).toBe(200);
    const answer = await fetch(`${sim.apiUrl}${company}/customers`, { headers: { Authorization: `Bearer ${await token()}` } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/text\/html/);
    expect(await answer.text()).toMatch(/^<html>/);
    const refused = await fetch(admin, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ garbel: [] }) });
    expect(refused.status).toBe(400);
  });
});
