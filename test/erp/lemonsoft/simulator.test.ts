import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import { tempDataDir } from '../../support/seller.js';
import { CREDENTIALS, startSimulator } from '../conformance/harnesses.js';

let dataDir: string;
let sim: RunningSimulator;

beforeEach(async () => {
  dataDir = tempDataDir();
  sim = await startSimulator(dataDir);
});

afterEach(async () => {
  await sim.close();
});

/** Lemonsoft's own example client logs in with lower-case keys. */
async function login(): Promise<string> {
  const answer = await fetch(`${sim.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: CREDENTIALS.username, password: CREDENTIALS.password, database: CREDENTIALS.database, apikey: CREDENTIALS.apiKey }),
  });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { session_id: string }).session_id;
}

async function call(method: string, path: string, sessionId: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const answer = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'Session-Id': sessionId, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
}

describe('Lemonsoft simulator', () => {
  it("serves Lemonsoft's own example client unchanged: `page` until a page with result_count 0", async () => {
    const sessionId = await login();
    const customers: unknown[] = [];
    for (let page = 1; page < 10; page += 1) {
      const { json } = await call('GET', `/api/customers?page=${page}&page_size=2`, sessionId);
      if (json.result_count === 0) break;
      customers.push(...(json.results as unknown[]));
    }
    expect(customers).toHaveLength(3);
  });

  it("answers persons and contacts in the schema's shapes: a person's gsm and no role, a contact's customer_id", async () => {
    const sessionId = await login();
    const { json: person } = await call('GET', '/api/persons/101', sessionId);
    expect(person).toHaveProperty('gsm');
    expect(person).not.toHaveProperty('role');
    const { json: customers } = await call('GET', '/api/customers?filter.page_size=100', sessionId);
    const withContacts = (customers.results as { id: number; contacts?: unknown[] }[]).find((c) => (c.contacts ?? []).length > 0)!;
    const contacts = (await call('GET', `/api/customers/${withContacts.id}/contacts`, sessionId)).json as unknown as { customer_id: number }[];
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) expect(contact.customer_id).toBe(withContacts.id);
  });

  it('merges a PUT header into the offer, or replaces all of it but its identity when told to', async () => {
    const sessionId = await login();
    const number = (await call('POST', '/api/offers/6', sessionId)).json.offer_number as number;
    await call('PUT', '/api/offers', sessionId, { offer_number: number, offer_note: 'first', offer_customer_reference: 'PO-1' });
    expect((await call('PUT', '/api/offers', sessionId, { offer_number: number, offer_note: 'merged' })).json).toMatchObject({ offer_type: 6, offer_customer_reference: 'PO-1', offer_note: 'merged' });
    sim.setFaults({ variant: { putReplacesHeader: true } });
    const replaced = (await call('PUT', '/api/offers', sessionId, { offer_number: number, offer_note: 'replaced' })).json;
    expect(replaced).toMatchObject({ offer_number: number, offer_id: number, offer_note: 'replaced' });
    expect(replaced).not.toHaveProperty('offer_customer_reference');
    expect(replaced).not.toHaveProperty('offer_type');
  });

  it('answers 401 without a live session, and a wrong login with 401', async () => {
    expect((await call('GET', '/api/customers', 'no-such-session')).status).toBe(401);
    const wrong = await fetch(`${sim.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ UserName: 'x', Password: 'y', Database: 'z', ApiKey: 'k' }) });
    expect(wrong.status).toBe(401);
  });

  it('ends a session when its time is up', async () => {
    sim.setFaults({ sessionTtlSeconds: 0.05 });
    const sessionId = await login();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await call('GET', '/api/persons', sessionId)).status).toBe(401);
  });

  it('refuses an offer row without its required fields, naming the field', async () => {
    const sessionId = await login();
    const created = await call('POST', '/api/offers/6', sessionId);
    const number = created.json.offer_number as number;
    const bad = await call('POST', `/api/offers/${number}/offerrowlist`, sessionId, [{ product_code: '1000015', quantity: 1, total: 8 }]);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/'0\.unit_price'/);
  });

  it('keeps offers across a restart, and numbers on from them', async () => {
    const sessionId = await login();
    const first = await call('POST', '/api/offers/6', sessionId);
    await sim.close();
    sim = await startSimulator(dataDir);
    const again = await call('POST', '/api/offers/6', await login());
    expect([first.json.offer_number, again.json.offer_number]).toEqual([10001, 10002]);
  });

  it('updates and deletes rows, and totals follow the rows', async () => {
    const sessionId = await login();
    const number = (await call('POST', '/api/offers/6', sessionId)).json.offer_number as number;
    const row = { product_code: '1000015', quantity: 2, unit_price: 10, total: 20, tax_rate: 25.5 };
    const added = await call('POST', `/api/offers/${number}/offerrowlist`, sessionId, [row, { ...row, product_code: '1000022' }]);
    const ids = (added.json.offer_rows as { id: number }[]).map((r) => r.id);
    expect(added.json).toMatchObject({ tot_without_tax: 40, offer_totalsum: 50.2 });
    await call('PUT', `/api/offers/${number}/offerrowlist`, sessionId, [{ ...row, id: ids[0], quantity: 3, total: 30 }]);
    const after = await call('DELETE', `/api/offers/${number}/offerrowlist`, sessionId, [ids[1]]);
    expect(after.json).toMatchObject({ tot_without_tax: 30, offer_totalsum: 37.65 });
  });

  it('answers 404 for an unknown offer or row id and then changes no row, and 400 naming the field for an invalid body', async () => {
    const sessionId = await login();
    const number = (await call('POST', '/api/offers/6', sessionId)).json.offer_number as number;
    const other = (await call('POST', '/api/offers/6', sessionId)).json.offer_number as number;
    const row = { product_code: '1000015', quantity: 2, unit_price: 10, total: 20, tax_rate: 25.5 };
    const [id] = ((await call('POST', `/api/offers/${number}/offerrowlist`, sessionId, [row])).json.offer_rows as { id: number }[]).map((r) => r.id);
    const theirs = ((await call('POST', `/api/offers/${other}/offerrowlist`, sessionId, [row])).json.offer_rows as { id: number }[])[0]!.id;

    expect((await call('PUT', '/api/offers/99999/offerrowlist', sessionId, [{ ...row, id }])).status).toBe(404);
    expect((await call('DELETE', '/api/offers/99999/offerrowlist', sessionId, [id])).status).toBe(404);
    const update = await call('PUT', `/api/offers/${number}/offerrowlist`, sessionId, [{ ...row, id, quantity: 5, total: 50 }, { ...row, id: theirs }]);
    expect(update).toMatchObject({ status: 404, json: { message: `offer ${number} has no row ${theirs}` } });
    const removal = await call('DELETE', `/api/offers/${number}/offerrowlist`, sessionId, [id, 987654]);
    expect(removal).toMatchObject({ status: 404, json: { message: `offer ${number} has no row 987654` } });
    const invalid = await call('PUT', `/api/offers/${number}/offerrowlist`, sessionId, [{ id, product_code: '1000015', quantity: 1, total: 8 }]);
    expect(invalid).toMatchObject({ status: 400, json: { message: expect.stringMatching(/'0\.unit_price'/) } });
    expect((await call('DELETE', `/api/offers/${number}/offerrowlist`, sessionId, ['x'])).status).toBe(400);

    const after = await call('GET', `/api/offers/${number}`, sessionId);
    expect(after.json.offer_rows).toEqual([{ ...row, id }]);
  });

  it('drops the connection after a row update or deletion it has stored, when told to', async () => {
    const sessionId = await login();
    const number = (await call('POST', '/api/offers/6', sessionId)).json.offer_number as number;
    const row = { product_code: '1000015', quantity: 2, unit_price: 10, total: 20, tax_rate: 25.5 };
    const ids = ((await call('POST', `/api/offers/${number}/offerrowlist`, sessionId, [row, row])).json.offer_rows as { id: number }[]).map((r) => r.id);
    sim.setFaults({ crashAfter: ['updateRows', 'deleteRows'] });

    await expect(call('PUT', `/api/offers/${number}/offerrowlist`, sessionId, [{ ...row, id: ids[0], quantity: 3, total: 30 }])).rejects.toThrow();
    await expect(call('DELETE', `/api/offers/${number}/offerrowlist`, sessionId, [ids[1]])).rejects.toThrow();

    const after = await call('GET', `/api/offers/${number}`, sessionId);
    expect(after.json.offer_rows).toEqual([{ ...row, id: ids[0], quantity: 3, total: 30 }]);
  });
});
