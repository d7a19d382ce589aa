import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  equal,
  isDecimal,
  isPositive,
  multiply,
  parseDecimal,
  percentOf,
  subtract,
  toCents,
  withDiscount,
} from '../../src/domain/money.js';

describe('parseDecimal', () => {
  it.each([
    ['1 234,50', '1234.5'],
    ['1\u00a0234,50', '1234.5'],
    ['12,5', '12.5'],
    ['1234.5', '1234.5'],
    ['  7  ', '7'],
    ['-3,25', '-3.25'],
    ['0,10', '0.1'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', 'abc', '12 kpl', '12,5,0', '1.234,50', ',5', '12,', '1e5', 'Infinity', '€12'])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeNull();
  });
});

describe('isDecimal', () => {
  it('accepts plain decimal strings only', () => {
    expect(isDecimal('12.34')).toBe(true);
    expect(isDecimal('-0.5')).toBe(true);
    expect(isDecimal('12,34')).toBe(false);
    expect(isDecimal('.5')).toBe(false);
    expect(isDecimal('1.')).toBe(false);
  });
});

describe('arithmetic is exact decimal, not binary float', () => {
  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    expect(add('0.1', '0.2')).toBe('0.3');
  });

  it('adds any number of values, and nothing to zero', () => {
    expect(add('1.10', '2.20', '3.30')).toBe('6.6');
    expect(add()).toBe('0');
  });

  it('subtracts', () => {
    expect(subtract('0.3', '0.1')).toBe('0.2');
  });

  it('multiplies 1.1 by 1.1 to exactly 1.21', () => {
    expect(multiply('1.1', '1.1')).toBe('1.21');
    expect(multiply('3', '0.335')).toBe('1.005');
  });

  it('takes a percentage', () => {
    expect(percentOf('200', '25.5')).toBe('51');
    expect(percentOf('5', '25.5')).toBe('1.275');
  });

  it('applies a discount percentage', () => {
    expect(withDiscount('100', '15')).toBe('85');
    expect(withDiscount('8.05', '15')).toBe('6.8425');
    expect(withDiscount('19.99', '0')).toBe('19.99');
    expect(equal(withDiscount('19.99', '100'), '0')).toBe(true);
  });
});

describe('results stay plain decimal strings', () => {
  it('never writes exponents, however small or large the value', () => {
    expect(parseDecimal('0,0000001')).toBe('0.0000001');
    expect(multiply('0.0001', '0.001')).toBe('0.0000001');
    expect(multiply('1000000000000', '1000000000000')).toBe('1000000000000000000000000');
    expect(isDecimal(add('0.00000005', '0.00000005'))).toBe(true);
  });
});

describe('toCents', () => {
  it.each([
    ['0.005', '0.01'],
    ['0.004', '0.00'],
    ['0.0049999', '0.00'],
    ['2.675', '2.68'],
    ['1.005', '1.01'],
    ['0.125', '0.13'],
    ['12', '12.00'],
    ['6.8425', '6.84'],
  ])('rounds %s half up to %s', (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });

  it('rounds a negative half away from zero', () => {
    expect(toCents('-0.005')).toBe('-0.01');
    expect(toCents('-2.675')).toBe('-2.68');
  });
});

describe('comparison', () => {
  it('compares numerically, not as text', () => {
    expect(compare('9', '10')).toBe(-1);
    expect(compare('10', '9')).toBe(1);
    expect(compare('1.50', '1.5')).toBe(0);
    expect(equal('1.50', '1.5')).toBe(true);
    expect(equal('1.5', '1.51')).toBe(false);
  });

  it('knows which values are positive', () => {
    expect(isPositive('0.01')).toBe(true);
    expect(isPositive('0')).toBe(false);
    expect(isPositive('-1')).toBe(false);
  });
});
