import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, normalizeCode } from '../../src/domain/product-code.js';

describe('normalizeCode', () => {
  it('ignores case, spaces, dashes, dots, slashes and underscores', () => {
    expect(normalizeCode('NIB 8520-15')).toBe('NIB852015');
    expect(normalizeCode('nib852015')).toBe('NIB852015');
    expect(normalizeCode('a.b/c_d-e f\tg')).toBe('ABCDEFG');
  });

  it('keeps letters and digits in their order', () => {
    expect(normalizeCode('m8x40-a4')).toBe('M8X40A4');
    expect(normalizeCode('M8X40A4')).not.toBe(normalizeCode('M8X4A40'));
  });
});

// Bodies and check digits from GS1's algorithm worked out by hand (weights 3,1,3,... from the right):
// 400638133393 -> 1 (EAN-13 4006381333931), 9638507 -> 4 (EAN-8 96385074),
// 03600029145 -> 2 (UPC-A 036000291452), 1001234567890 -> 2 (GTIN-14 10012345678902),
// 645583733015 -> 0 (sum is a multiple of ten).
describe('gtinCheckDigit', () => {
  it.each([
    ['400638133393', 1],
    ['9638507', 4],
    ['03600029145', 2],
    ['1001234567890', 2],
    ['645583733015', 0],
  ])('completes %s with %i', (body, digit) => {
    expect(gtinCheckDigit(body)).toBe(digit);
  });
});

describe('isValidGtin', () => {
  it.each(['4006381333931', '96385074', '036000291452', '10012345678902', '6455837330150'])('accepts %s', (code) => {
    expect(isValidGtin(code)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '4006381333932'],
    ['swapped digits', '4006383133931'],
    ['a wrong EAN-8 check digit', '96385075'],
    // the next four end in the check digit GS1 would give their body, but have no GTIN length
    ['9 digits', '963850742'],
    ['10 digits', '0963850742'],
    ['11 digits', '03600029143'],
    ['15 digits', '100123456789028'],
    ['spaces', '400638 1333931'],
    ['letters', '400638133393X'],
    ['nothing', ''],
  ])('rejects %s (%j)', (_case, code) => {
    expect(isValidGtin(code)).toBe(false);
  });
});
