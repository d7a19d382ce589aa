import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import { CREDENTIALS, startSimulator } from '../conformance/harnesses.js';

/**
 * The simulator driven the way a generic HTTP client library drives a REST API, not the way our
 * own client does: the headers such a library adds by itself, a form content type on a POST
 * without data, a charset on JSON, arrays written as repeated or as indexed names.
 */

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator();
});

afterEach(async () => {
  await sim.close();
});

const LIBRARY_HEADERS = { Accept: 'application/json, text/plain, */*', 'User-Agent': 'axios/1.7.9' };
const JSON_UTF8 = 'application/json;charset=utf-8';
const FORM = 'application/x-www-form-urlencoded';

async function request(method: string, path: string, options: { sessionId?: string; contentType?: string; body?: unknown } = {}): Promise<{ status: number; json: unknown }> {
  const answer = await fetch(`${sim.url}${path}`, {
    method,
    headers: {
      ...LIBRARY_HEADERS,
      ...(options.sessionId ? { 'Session-Id': options.sessionId } : {}),
      ...(options.contentType ? { 'Content-Type': options.contentType } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await answer.text();
  return { status: answer.status, json: text ? JSON.parse(text) : null };
}

async function login(): Promise<string> {
  const body = { username: CREDENTIALS.username, password: CREDENTIALS.password, database: CREDENTIALS.database, apikey: CREDENTIALS.apiKey };
  const answer = await request('POST', '/api/auth/login', { contentType: JSON_UTF8, body });
  expect(answer.status).toBe(200);
  return (answer.json as { session_id: string }).session_id;
}

const row = { product_code: '1000015', quantity: 2, unit_price: 10, total: 20, tax_rate: 25.5 };

describe('Lemonsoft simulator under a generic HTTP client', () => {
  it('creates an offer from a POST without data that carries a form content type', async () => {
    const sessionId = await login();
    const created = await request('POST', '/api/offers/6', { sessionId, contentType: FORM });
    expect(created).toMatchObject({ status: 200, json: { offer_number: expect.any(Number) } });
  });

  it('refuses a bodyless write that needs a body as an invalid body, never as an unsupported content type', async () => {
    const sessionId = await login();
    const number = ((await request('POST', '/api/offers/6', { sessionId, contentType: FORM })).json as { offer_number: number }).offer_number;
    for (const [method, path] of [['PUT', '/api/offers'], ['DELETE', `/api/offers/${number}/offerrowlist`]] as const) {
      expect(await request(method, path, { sessionId, contentType: FORM })).toMatchObject({ status: 400, json: { message: expect.stringContaining('invalid body') } });
    }
  });

  it('reads JSON sent with a charset parameter', async () => {
    const sessionId = await login();
    const number = ((await request('POST', '/api/offers/6', { sessionId, contentType: FORM })).json as { offer_number: number }).offer_number;
    const added = await request('POST', `/api/offers/${number}/offerrowlist`, { sessionId, contentType: JSON_UTF8, body: [row] });
    expect(added).toMatchObject({ status: 200, json: { tot_without_tax: 20 } });
  });

  it('reads an array parameter whether its name repeats or is indexed', async () => {
    const sessionId = await login();
    const skus = async (query: string) => ((await request('GET', `/api/products?${query}`, { sessionId })).json as { results: { sku: string }[] }).results.map((p) => p.sku).sort();
    expect(await skus('filter.sku=1000015&filter.sku=2000020')).toEqual(['1000015', '2000020']);
    expect(await skus('filter.sku%5B0%5D=1000015&filter.sku%5B1%5D=2000020')).toEqual(['1000015', '2000020']);
    expect(await skus('filter.sku[1]=2000020&filter.sku[0]=1000015&filter.sku[]=4000048')).toEqual(['1000015', '2000020', '4000048']);
  });

  it('updates and deletes one row at a time on the one-row routes', async () => {
    const sessionId = await login();
    const number = ((await request('POST', '/api/offers/6', { sessionId, contentType: FORM })).json as { offer_number: number }).offer_number;
    const added = await request('POST', `/api/offers/${number}/offerrowlist`, { sessionId, contentType: JSON_UTF8, body: [row, { ...row, product_code: '1000022' }] });
    const [first, second] = (added.json as { offer_rows: { id: number }[] }).offer_rows.map((r) => r.id);
    const updated = await request('PUT', `/api/offers/${number}/offerrows`, { sessionId, contentType: JSON_UTF8, body: { ...row, id: first, quantity: 3, total: 30 } });
    expect(updated.status).toBe(200);
    const deleted = await request('DELETE', `/api/offers/${number}/offerrows`, { sessionId, contentType: JSON_UTF8, body: second });
    expect(deleted).toMatchObject({ status: 200, json: { offer_rows: [{ ...row, id: first, quantity: 3, total: 30 }] } });
  });
});
