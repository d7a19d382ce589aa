import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const ADAPTER = join(SRC, 'erp', 'bc');

/** Names only Business Central uses: if one shows up elsewhere, the ERP leaked into the product. */
const BC_FIELDS = [
  'externalDocumentNumber', 'salesQuoteLines', 'salespeoplePurchasers', 'lineObjectNumber', 'salespersonCode', 'taxRegistrationNumber',
  'totalAmountExcludingTax', 'totalAmountIncludingTax', 'validUntilDate', 'baseUnitOfMeasureCode', 'itemCategoryCode', 'unitOfMeasureCode', 'maxpagesize',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

describe('the Business Central boundary', () => {
  it('keeps every Business Central field name inside the bc adapter folder', () => {
    const leaks = files(SRC)
      .filter((file) => !file.startsWith(ADAPTER + '/'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return BC_FIELDS.filter((field) => new RegExp(`\\b${field}\\b`).test(text)).map((field) => `${relative(SRC, file)}: ${field}`);
      });
    expect(leaks).toEqual([]);
  });

  it('finds the field names where they belong, so the check above looks at real text', () => {
    const inside = files(ADAPTER)
      .filter((file) => !file.includes('/simulator/'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const field of BC_FIELDS) expect(inside, field).toMatch(new RegExp(`\\b${field}\\b`));
  });
});
