import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LemonsoftClient, LemonsoftError, type LemonsoftClientOptions } from '../../../src/erp/lemonsoft/client.js';
import type { RunningSimulator } from '../../../src/erp/lemonsoft/simulator/server.js';
import { z } from 'zod';
import { offerSchema, personSchema, productSchema } from '../../../src/erp/lemonsoft/wire.js';
import { CREDENTIALS, startSimulator } from '../conformance/harnesses.js';
import { systemClock } from '../../../src/time/clock.js';
import { clockAt } from '../../support/clock.js';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator();
});

afterEach(async () => {
  await sim.close();
});

function client(overrides: Partial<LemonsoftClientOptions> = {}): LemonsoftClient {
  return new LemonsoftClient({
    baseUrl: sim.url,
    credentials: CREDENTIALS,
    timeoutMs: 5_000,
    maxRetries: 3,
    retryBaseMs: 5,
    concurrency: 4,
    renewAfterMs: 25 * 60_000,
    pageSize: 10,
    clock: systemClock,
    ...overrides,
  });
}

const logins = () => sim.calls.filter((c) => c === 'POST /api/auth/login').length;

describe('LemonsoftClient sessions', () => {
  it('logs in once for many calls made at the same time', async () => {
    const lemonsoft = client();
    await Promise.all([1, 2, 3, 4, 5].map(() => lemonsoft.get('/api/persons/101', {}, personSchema)));
    expect(logins()).toBe(1);
  });

  it('renews the session before it runs out, not after', async () => {
    const clock = clockAt('2026-11-24T10:00:00Z');
    const lemonsoft = client({ clock });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    clock.advance(24 * 60_000);
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    expect(sim.calls.filter((c) => c.startsWith('POST /api/auth'))).toEqual(['POST /api/auth/login']);
    clock.advance(2 * 60_000);
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    expect(sim.calls.filter((c) => c.startsWith('POST /api/auth'))).toEqual(['POST /api/auth/login', 'POST /api/auth/renew']);
  });

  it.each(['noSessionId', 'empty'] as const)('logs in afresh when a renew answers 2xx with %s, and stays on the new session', async (renewAnswer) => {
    const clock = clockAt('2026-11-24T10:00:00Z');
    const lemonsoft = client({ clock });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    sim.setFaults({ variant: { renewAnswer } });
    clock.advance(26 * 60_000);
    await expect(lemonsoft.get('/api/persons/101', {}, personSchema)).resolves.toMatchObject({ number: 101 });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    expect(sim.calls.filter((c) => c.startsWith('POST /api/auth'))).toEqual(['POST /api/auth/login', 'POST /api/auth/renew', 'POST /api/auth/login']);
  });

  it('names the failed login and never shows the credentials', async () => {
    const lemonsoft = client({ credentials: { ...CREDENTIALS, password: 'wrong-password-42' } });
    const error = await lemonsoft.get('/api/persons/101', {}, personSchema).catch((e: unknown) => e as LemonsoftError);
    expect(error).toBeInstanceOf(LemonsoftError);
    expect(error.message).toMatch(/POST \/api\/auth\/login \(before GET \/api\/persons\/101\) failed: HTTP 401/);
    for (const secret of ['wrong-password-42', CREDENTIALS.apiKey, CREDENTIALS.username]) expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain('wrong-password-42');
  });
});

describe('LemonsoftClient failures', () => {
  it('gives up after the retries with an error naming the call and the status', async () => {
    sim.setFaults({ fail: [{ status: 502, count: 10, match: '^GET /api/persons' }] });
    await expect(client({ maxRetries: 2 }).get('/api/persons/101', {}, personSchema)).rejects.toThrow('Lemonsoft GET /api/persons/101 failed: HTTP 502');
    expect(sim.calls.filter((c) => c === 'GET /api/persons/:id')).toHaveLength(3);
  });

  it('does not repeat a POST that failed with a 500: it may have been done', async () => {
    sim.setFaults({ fail: [{ status: 500, count: 1, match: '^POST /api/offers/6$' }] });
    const error = await client().send('POST', '/api/offers/6', undefined, personSchema.partial()).catch((e: unknown) => e as LemonsoftError);
    expect(error).toMatchObject({ status: 500, outcomeUnknown: true });
    expect(sim.calls.filter((c) => c === 'POST /api/offers/:id')).toHaveLength(1);
  });

  it('repeats a PUT after a 500, but not one its caller checks, nor a 429 of either', async () => {
    const rows = '^PUT /api/offers/\\d+/offerrowlist$';
    sim.setFaults({ fail: [{ status: 500, count: 2, match: rows }] });
    const lemonsoft = client();
    await expect(lemonsoft.send('PUT', '/api/offers/99999/offerrowlist', [], personSchema.partial())).rejects.toMatchObject({ status: 404 });
    expect(sim.calls.filter((c) => c === 'PUT /api/offers/:id/offerrowlist')).toHaveLength(3);

    sim.setFaults({ fail: [{ status: 500, count: 1, match: rows }] });
    await expect(lemonsoft.send('PUT', '/api/offers/99999/offerrowlist', [], personSchema.partial(), undefined, true)).rejects.toMatchObject({ status: 500, outcomeUnknown: true });
    expect(sim.calls.filter((c) => c === 'PUT /api/offers/:id/offerrowlist')).toHaveLength(4);

    sim.setFaults({ fail: [{ status: 429, count: 1, retryAfterSeconds: 0, match: rows }] });
    await expect(lemonsoft.send('PUT', '/api/offers/99999/offerrowlist', [], personSchema.partial(), undefined, true)).rejects.toMatchObject({ status: 404 });
    expect(sim.calls.filter((c) => c === 'PUT /api/offers/:id/offerrowlist')).toHaveLength(6);
  });

  it('times out a call that takes too long', async () => {
    const lemonsoft = client({ timeoutMs: 300, maxRetries: 0 });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    sim.setFaults({ latencyMs: 600 });
    await expect(lemonsoft.get('/api/persons/101', {}, personSchema)).rejects.toThrow('Lemonsoft GET /api/persons/101 failed: timed out');
  });

  it('keeps to the agreed number of calls per second', async () => {
    const lemonsoft = client({ maxCallsPerSecond: 10 });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, () => lemonsoft.get('/api/persons/101', {}, personSchema)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
  });

  it('keeps no more calls in flight than the concurrency limit', async () => {
    const lemonsoft = client({ concurrency: 2 });
    await lemonsoft.get('/api/persons/101', {}, personSchema);
    sim.setFaults({ latencyMs: 150 });
    const started = Date.now();
    await Promise.all([1, 2, 3, 4].map(() => lemonsoft.get('/api/persons/101', {}, personSchema)));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('gives up for good when Lemonsoft refuses what was sent, and retries what may pass', async () => {
    sim.setFaults({ fail: [{ status: 400, count: 1, match: '^GET /api/persons' }] });
    await expect(client().get('/api/persons/101', {}, personSchema)).rejects.toMatchObject({ status: 400, code: 'erp_rejected', permanent: true });
    sim.setFaults({ fail: [{ status: 503, count: 5, match: '^GET /api/persons' }] });
    await expect(client({ maxRetries: 1 }).get('/api/persons/101', {}, personSchema)).rejects.toMatchObject({ status: 503, code: 'erp_unavailable', permanent: false });
    sim.setFaults({ reset: true });
  });

  it('reads no body from a 2xx answer that has none', async () => {
    const lemonsoft = client();
    const created = await lemonsoft.send('POST', '/api/offers/6', undefined, offerSchema);
    sim.setFaults({ variant: { emptyWriteAnswers: true } });
    const row = { product_code: '1000015', quantity: 1, unit_price: 8, total: 8 };
    await expect(lemonsoft.send('POST', `/api/offers/${created.offer_number}/offerrowlist`, [row], z.unknown())).resolves.toBeNull();
    expect((await lemonsoft.get(`/api/offers/${created.offer_number}`, {}, offerSchema)).offer_rows).toHaveLength(1);
  });

  it('names the call whose 2xx answer is not JSON, for a read and for a login', async () => {
    sim.setFaults({ garble: [{ match: '^GET /api/persons' }] });
    const lemonsoft = client();
    const error = await lemonsoft.get('/api/persons/101', {}, personSchema).catch((e: unknown) => e as LemonsoftError);
    expect(error).toBeInstanceOf(LemonsoftError);
    expect(error.message).toMatch(/^Lemonsoft GET \/api\/persons\/101 failed: answer is not JSON \(text\/html\): <html>/);
    sim.setFaults({ garble: [{ match: '^POST /api/auth/login' }] });
    await expect(client().get('/api/persons/101', {}, personSchema)).rejects.toThrow(/^Lemonsoft POST \/api\/auth\/login \(before GET \/api\/persons\/101\) failed: answer is not JSON/);
  });

  it('names the field of an answer that does not fit the schema', async () => {
    await expect(client().get('/api/persons/101', {}, personSchema.extend({ missing_field: personSchema.shape.number }))).rejects.toThrow(
      /GET \/api\/persons\/101 failed: unexpected answer at 'missing_field'/,
    );
  });

  it('fails clearly when nothing listens, saying where it tried', async () => {
    await sim.close();
    const { port } = new URL(sim.url);
    await expect(client({ maxRetries: 1 }).get('/api/persons/101', {}, personSchema)).rejects.toMatchObject({
      message: expect.stringContaining(`failed: network error ECONNREFUSED 127.0.0.1:${port}`),
      code: 'erp_unavailable',
      permanent: false,
    });
    sim = await startSimulator();
  });
});

describe('LemonsoftClient paging', () => {
  it('reads every page of a list, however small the pages', async () => {
    const skus = (await client({ pageSize: 1 }).all('/api/products', {}, productSchema)).map((p) => p.sku);
    expect(skus.sort()).toEqual(['1000015', '1000022', '2000020', '3000325', '4000048']);
    expect(sim.calls.filter((c) => c === 'GET /api/products')).toHaveLength(6);
  });
});
