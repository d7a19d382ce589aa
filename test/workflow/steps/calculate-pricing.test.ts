import { describe, expect, it } from 'vitest';
import type { LineMatch } from '../../../src/domain/line-match.js';
import type { RequestedLine } from '../../../src/domain/requested-line.js';
import { calculatePricing } from '../../../src/workflow/steps/calculate-pricing.js';
import { contextWith, environment } from '../../support/runner.js';
import { CUSTOMERS, PRODUCTS, seededErp } from '../../support/seller.js';

function requested(quantity: string | null, unit: string | null = null, per: RequestedLine['per'] = null): RequestedLine {
  return { text: 't', description: 't', quantity, unit, code: null, per, uncertain: null };
}

function matched(sku: string | null): LineMatch {
  const product = PRODUCTS.find((p) => p.sku === sku) ?? null;
  return { product, confidence: product ? 1 : 0, method: product ? 'code' : 'none', alternatives: [] };
}

describe('calculate_pricing step', () => {
  it('prices matched lines with the customer’s price list and skips unmatched ones', async () => {
    const erp = await seededErp();
    const context = contextWith({
      customer: CUSTOMERS[0]!,
      requestedLines: [requested('12.5'), requested('3'), requested('2')],
      matches: [matched('1000015'), matched(null), matched('2000020')],
    });
    const output = await calculatePricing.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.map((p) => [p.requestIndex, p.sku, p.unitPrice, p.discountPercent, p.lineTotal])).toEqual([
      [0, '1000015', '8.00', '10', '90.00'],
      [2, '2000020', '15.00', '0', '30.00'],
    ]);
  });

  it('prices an unknown customer at list price', async () => {
    const erp = await seededErp();
    const context = contextWith({ customer: null, requestedLines: [requested('10')], matches: [matched('1000015')] });
    const output = await calculatePricing.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.[0]).toMatchObject({ unitPrice: '8.00', discountPercent: '0', lineTotal: '80.00' });
  });

  it('assumes one when no quantity was given, and says so', async () => {
    const erp = await seededErp();
    const context = contextWith({ requestedLines: [requested(null)], matches: [matched('2000020')] });
    const output = await calculatePricing.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.[0]?.quantity).toBe('1');
    expect(output.review?.[0]).toContain('1 assumed');
  });

  it('prices the quantity in the product’s unit, showing how it was converted', async () => {
    const erp = await seededErp();
    const context = contextWith({
      requestedLines: [requested('1000', 'kpl'), requested('2', 'rll'), requested('3', 'rll', { quantity: '50', unit: 'm' })],
      matches: [matched('4000048'), matched('3000325'), matched('1000015')],
    });
    const output = await calculatePricing.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.map((p) => [p.quantity, p.unit, p.conversion, p.lineTotal])).toEqual([
      ['10', 'pkt', '1000 kpl = 10 pkt of 100 kpl', '50.00'],
      ['200', 'm', '2 rll × 100 m = 200 m', '200.00'],
      ['150', 'm', '3 rll × 50 m = 150 m', '1200.00'],
    ]);
    expect(output.review).toEqual([]);
  });

  it('sends a quantity it cannot convert, or packs that are not whole, to review', async () => {
    const erp = await seededErp();
    const context = contextWith({ requestedLines: [requested('250', 'kpl'), requested('4', 'kpl')], matches: [matched('4000048'), matched('1000015')] });
    const output = await calculatePricing.run(context, environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.map((p) => p.quantity)).toEqual(['3', '4']);
    expect(output.review).toEqual([
      'line 1 "t": 250 kpl = 2.5 pkt of 100 kpl is not a whole number of pkt; 3 pkt offered',
      'line 2 "t": asked in kpl, sold per m, and how many m that is is not known; 4 m assumed',
    ]);
  });

  it('sends a quantity the customer gave as an estimate or a range to review', async () => {
    const erp = await seededErp();
    const estimate = { ...requested('50', 'm'), text: 'noin 50 m kupariputkea', uncertain: 'approximate ("noin 50")' };
    const output = await calculatePricing.run(contextWith({ requestedLines: [estimate], matches: [matched('1000015')] }), environment(erp));
    await erp.close();

    expect(output.patch?.pricedLines?.[0]?.quantity).toBe('50');
    expect(output.review).toEqual(['line 1 "noin 50 m kupariputkea": the quantity is approximate ("noin 50"); please check']);
  });

  it('is skipped when nothing matched', async () => {
    const erp = await seededErp();
    const output = await calculatePricing.run(contextWith({ requestedLines: [requested('1')], matches: [matched(null)] }), environment(erp));
    await erp.close();

    expect(output.skipped).toBeTruthy();
    expect(output.patch?.pricedLines).toEqual([]);
  });
});
