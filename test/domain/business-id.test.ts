import { describe, expect, it } from 'vitest';
import { businessIdFromDigits, isValidBusinessId, normalizeBusinessId, vatNumberOf } from '../../src/domain/business-id.js';

// Check digits worked out by hand: weights 7,9,10,5,8,4,2, sum mod 11, check = 11 - remainder.
// 0112038: 0+9+10+10+0+12+16 = 57, 57 mod 11 = 2, check 9.
// 0109862: 0+9+0+45+64+24+4 = 146, 146 mod 11 = 3, check 8.
const VALID = ['0112038-9', '0109862-8'];
/** 1572860: 7+45+70+10+64+24+0 = 220 = 20 x 11, remainder 0, so the check digit is 0. */
const REMAINDER_ZERO = '1572860';
/** 0000006: 6*2 = 12, remainder 1: no check digit is ever issued for these digits. */
const REMAINDER_ONE = '0000006';

describe('isValidBusinessId', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });

  it('uses check digit 0 when the remainder is 0', () => {
    expect(isValidBusinessId(`${REMAINDER_ZERO}-0`)).toBe(true);
    expect(isValidBusinessId(`${REMAINDER_ZERO}-1`)).toBe(false);
  });

  it('accepts no check digit at all when the remainder is 1', () => {
    for (let digit = 0; digit <= 9; digit++) {
      expect(isValidBusinessId(`${REMAINDER_ONE}-${digit}`)).toBe(false);
    }
  });

  it.each([
    ['a wrong check digit', '0112038-8'],
    ['another wrong check digit', '0109862-9'],
    ['six digits', '112038-9'],
    ['no dash', '01120389'],
    ['the VAT form', 'FI01120389'],
    ['surrounding spaces', ' 0112038-9'],
    ['letters', '011203A-9'],
  ])('rejects %s (%s)', (_case, id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });
});

describe('businessIdFromDigits', () => {
  it('completes seven digits with their check digit', () => {
    expect(businessIdFromDigits('0112038')).toBe('0112038-9');
    expect(businessIdFromDigits(REMAINDER_ZERO)).toBe(`${REMAINDER_ZERO}-0`);
  });

  it('returns null when no valid id can start with the digits', () => {
    expect(businessIdFromDigits(REMAINDER_ONE)).toBeNull();
    expect(businessIdFromDigits('011203')).toBeNull();
    expect(businessIdFromDigits('011203x')).toBeNull();
  });
});

describe('normalizeBusinessId', () => {
  it.each([
    ['0112038-9', '0112038-9'],
    ['FI01120389', '0112038-9'],
    ['fi01120389', '0112038-9'],
    ['FI 0112 0389', '0112038-9'],
    ['FI0109.8628', '0109862-8'],
    [' 0112038-9 ', '0112038-9'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeBusinessId(input)).toBe(expected);
  });

  it.each(['FI01120388', '0112038-8', 'SE01120389', 'FI0112038', '', 'Y-tunnus'])('rejects %j', (input) => {
    expect(normalizeBusinessId(input)).toBeNull();
  });
});

describe('vatNumberOf', () => {
  it('writes the Finnish VAT number of a business id', () => {
    expect(vatNumberOf('0112038-9')).toBe('FI01120389');
  });

  it.each(VALID)('round-trips %s through its VAT number', (id) => {
    expect(normalizeBusinessId(vatNumberOf(id))).toBe(id);
  });
});
