import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBcSimulator } from '../../../src/erp/bc/simulator/server.js';
import { BC_APP, startBc } from '../conformance/harnesses.js';

interface Line {
  '@odata.etag': string;
  id: string;
  unitPrice: number;
  discountPercent: number;
  amountExcludingTax: number;
}

interface Quote {
  id: string;
  totalAmountExcludingTax: number;
  totalTaxAmount: number;
  salesQuoteLines: Line[];
}

let sim: RunningBcSimulator;
let company: string;
let bearer: string;

async function call<T>(method: string, path: string, body?: unknown, etag?: string): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) };
  const answer = await fetch(`${sim.apiUrl}${company}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(answer.ok, await answer.clone().text()).toBe(true);
  return (await answer.json()) as T;
}

beforeEach(async () => {
  sim = await startBc();
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: BC_APP.clientId, client_secret: BC_APP.clientSecret, scope: 'https://api.businesscentral.dynamics.com/.default' });
  bearer = ((await (await fetch(sim.tokenUrl, { method: 'POST', body: form })).json()) as { access_token: string }).access_token;
  company = '';
  const { value } = await call<{ value: { id: string }[] }>('GET', '/companies');
  company = `/companies(${value[0]!.id})`;
});

afterEach(async () => {
  await sim.close();
});

const quoteOf = (customerNumber: string, lines: unknown[]) => call<Quote>('POST', '/salesQuotes', { customerNumber, documentDate: '2026-11-24', salesQuoteLines: lines });
const item = (sku: string, quantity: number, price: Record<string, number> = {}) => ({ lineType: 'Item', lineObjectNumber: sku, quantity, ...price });

describe('the BC simulator prices quote lines as BC does', () => {
  it("prices a line sent without a price by the customer's price list, and a price sent stands", async () => {
    const quote = await quoteOf('20001', [item('2000020', 1), item('1000015', 3), item('2000020', 1, { unitPrice: 14, discountPercent: 0 })]);
    expect(quote.salesQuoteLines.map((l) => [l.unitPrice, l.discountPercent])).toEqual([
      [12, 0],
      [8, 10],
      [14, 0],
    ]);
    const other = await quoteOf('20002', [item('2000020', 1)]);
    expect(other.salesQuoteLines[0]).toMatchObject({ unitPrice: 15, discountPercent: 0 });
  });

  it('prices again on a new quantity, unless the same write sends the price', async () => {
    const quote = await quoteOf('20001', [item('2000020', 1)]);
    const [line] = quote.salesQuoteLines;
    const path = `/salesQuotes(${quote.id})/salesQuoteLines(${line!.id})`;
    const repriced = await call<Line>('PATCH', path, { quantity: 10 }, line!['@odata.etag']);
    expect(repriced).toMatchObject({ unitPrice: 11, amountExcludingTax: 110 });
    expect(await call<Line>('PATCH', path, { quantity: 1, unitPrice: 11 }, repriced['@odata.etag'])).toMatchObject({ unitPrice: 11, amountExcludingTax: 11 });
  });

  it("rounds a line's discount amount on its own, and a quote's VAT on its VAT group's net", async () => {
    // 6 × 15.61 = 93.66, less 25 % (23.415, rounded 23.42) is 70.24.
    const discounted = await quoteOf('20002', [item('1000022', 6, { unitPrice: 15.61, discountPercent: 25 })]);
    expect(discounted.salesQuoteLines[0]!.amountExcludingTax).toBe(70.24);
    // Each line's 25.5 % of 0.10 rounds to 0.03; the quote's 0.20 carries 0.05.
    const small = await quoteOf('20002', [item('1000022', 1, { unitPrice: 0.1, discountPercent: 0 }), item('1000022', 1, { unitPrice: 0.1, discountPercent: 0 })]);
    expect(small).toMatchObject({ totalAmountExcludingTax: 0.2, totalTaxAmount: 0.05 });
  });
});
