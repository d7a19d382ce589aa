import { describe, expect, it } from 'vitest';
import type { OfferLine } from '../../src/domain/offer.js';
import { lineTotal, offerTotals } from '../../src/pricing/offer-totals.js';

function line(lineTotal: string, vatRate: string): Pick<OfferLine, 'lineTotal' | 'vatRate'> {
  return { lineTotal, vatRate };
}

describe('lineTotal', () => {
  it('multiplies quantity by unit price and writes cents', () => {
    expect(lineTotal('3', '19.99', '0')).toBe('59.97');
    expect(lineTotal('2', '6', '0')).toBe('12.00');
  });

  it('takes the discount off the line, then rounds', () => {
    // 7 x 1.15 = 8.05; less 15 % = 6.8425
    expect(lineTotal('7', '1.15', '15')).toBe('6.84');
    expect(lineTotal('4', '2.50', '100')).toBe('0.00');
  });

  it('rounds half a cent up', () => {
    expect(lineTotal('1', '0.125', '0')).toBe('0.13');
    expect(lineTotal('3', '0.335', '0')).toBe('1.01');
    // in binary floating point (1.005).toFixed(2) is '1.00' and (2.675).toFixed(2) is '2.67'
    expect(lineTotal('1', '1.005', '0')).toBe('1.01');
    expect(lineTotal('1', '2.675', '0')).toBe('2.68');
  });

  it('handles fractional quantities', () => {
    // 2.5 m x 8.33 = 20.825
    expect(lineTotal('2.5', '8.33', '0')).toBe('20.83');
  });
});

describe('offerTotals', () => {
  it('is all zero for an offer without lines', () => {
    expect(offerTotals([], 'EUR')).toEqual({ net: '0.00', vat: '0.00', gross: '0.00', currency: 'EUR' });
  });

  it('adds line totals exactly (0.10 + 0.20 is 0.30)', () => {
    const totals = offerTotals([line('0.10', '25.5'), line('0.20', '25.5')], 'EUR');
    expect(totals.net).toBe('0.30');
  });

  it('adds ten lines of 0.10 to exactly 1.00', () => {
    const totals = offerTotals(Array.from({ length: 10 }, () => line('0.10', '0')), 'EUR');
    expect(totals).toEqual({ net: '1.00', vat: '0.00', gross: '1.00', currency: 'EUR' });
  });

  it('computes VAT for each rate on that rate’s net and rounds it, with two rates', () => {
    // 25.5 %: net 3.00 + 2.00 = 5.00, VAT exactly 1.275 -> 1.28
    // 14 %:   net 7.25,            VAT exactly 1.015 -> 1.02
    // (in floating point, Math.round(net * rate / 100 * 100) / 100 gives 1.27 and 1.01)
    const totals = offerTotals([line('3.00', '25.5'), line('7.25', '14'), line('2.00', '25.5')], 'EUR');
    expect(totals).toEqual({ net: '12.25', vat: '2.30', gross: '14.55', currency: 'EUR' });
  });

  it('rounds VAT once per rate, not once per line', () => {
    // per line: 0.02 x 25.5 % = 0.0051 -> 0.01, three times 0.03; per rate: 0.06 x 25.5 % = 0.0153 -> 0.02
    const totals = offerTotals([line('0.02', '25.5'), line('0.02', '25.5'), line('0.02', '25.5')], 'EUR');
    expect(totals).toEqual({ net: '0.06', vat: '0.02', gross: '0.08', currency: 'EUR' });
  });

  it('rounds each rate’s VAT before adding the rates together', () => {
    // 25.5 %: 0.06 -> 0.0153 -> 0.02; 14 %: 0.06 -> 0.0084 -> 0.01; 0.03 in all
    // (the unrounded sum 0.0237 would give 0.02)
    const totals = offerTotals([line('0.06', '25.5'), line('0.06', '14')], 'EUR');
    expect(totals).toEqual({ net: '0.12', vat: '0.03', gross: '0.15', currency: 'EUR' });
  });

  it('makes gross exactly net plus VAT', () => {
    const totals = offerTotals([line('1234.56', '25.5'), line('99.99', '14'), line('0.01', '10')], 'EUR');
    // 25.5 % of 1234.56 = 314.8128 -> 314.81; 14 % of 99.99 = 13.9986 -> 14.00; 10 % of 0.01 = 0.001 -> 0.00
    expect(totals).toEqual({ net: '1334.56', vat: '328.81', gross: '1663.37', currency: 'EUR' });
  });

  it('keeps the currency it is given', () => {
    expect(offerTotals([line('1.00', '25.5')], 'SEK').currency).toBe('SEK');
  });
});

describe('lineTotal as an ERP that rounds the gross and the discount apart', () => {
  it('rounds quantity × price, then the discount amount, and subtracts', () => {
    // 6 x 15.61 = 93.66; 25 % of it is 23.415, rounded 23.42; 93.66 - 23.42 = 70.24 (70.245 rounded once is 70.25)
    expect(lineTotal('6', '15.61', '25', 'grossLessDiscount')).toBe('70.24');
    expect(lineTotal('6', '15.61', '25', 'discounted')).toBe('70.25');
    expect(lineTotal('3', '19.99', '0', 'grossLessDiscount')).toBe('59.97');
  });
});
