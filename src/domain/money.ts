import { Decimal } from 'decimal.js';

/**
 * Amounts and quantities travel as decimal strings ("12.3400") so that they survive JSON
 * (run records, ERP payloads) without ever passing through a binary float; arithmetic goes
 * through decimal.js.
 */
export type DecimalString = string;

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function of(value: DecimalString): Decimal {
  return new Exact(value);
}

export function isDecimal(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/** Accepts "1 234,50", "1234.5", "12,5": the forms people type in Finland and in spreadsheets. */
export function parseDecimal(text: string): DecimalString | null {
  const compact = text.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  return isDecimal(compact) ? of(compact).toFixed() : null;
}

export function add(...values: DecimalString[]): DecimalString {
  return values.reduce((sum, v) => sum.plus(of(v)), new Exact(0)).toFixed();
}

export function subtract(a: DecimalString, b: DecimalString): DecimalString {
  return of(a).minus(of(b)).toFixed();
}

export function multiply(a: DecimalString, b: DecimalString): DecimalString {
  return of(a).times(of(b)).toFixed();
}

export function percentOf(value: DecimalString, percent: DecimalString): DecimalString {
  return of(value).times(of(percent)).dividedBy(100).toFixed();
}

export function withDiscount(value: DecimalString, discountPercent: DecimalString): DecimalString {
  return of(value).times(new Exact(100).minus(of(discountPercent))).dividedBy(100).toFixed();
}

/** Commercial rounding to cents, half away from zero, as Finnish invoicing does. */
export function toCents(value: DecimalString): DecimalString {
  return of(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function compare(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  return of(a).comparedTo(of(b)) as -1 | 0 | 1;
}

export function equal(a: DecimalString, b: DecimalString): boolean {
  return compare(a, b) === 0;
}

export function isPositive(value: DecimalString): boolean {
  return of(value).greaterThan(0);
}

/** A number from a JSON API (where amounts are binary floats), as the decimal it prints as. */
export function decimalFromNumber(value: number): DecimalString {
  return new Exact(String(value)).toFixed();
}
