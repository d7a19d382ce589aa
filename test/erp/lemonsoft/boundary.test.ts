import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', '..', 'src');
const ADAPTER = join(SRC, 'erp', 'lemonsoft');

/**
 * Names only Lemonsoft uses: if one shows up elsewhere, the ERP leaked into the product. Plain
 * words it shares with our own tables (offer_number, unit_price) are left out.
 */
const LEMONSOFT_FIELDS = [
  'session_id', 'result_count', 'offer_our_reference', 'offer_customer_number', 'offer_customer_name1', 'offer_valid_date',
  'offerrowlist', 'ean_code', 'sales_price_taxless', 'taxrate_code', 'person_seller_number', 'tot_without_tax',
  'offer_totalsum', 'is_nonactive', 'is_product_group', 'stock_unit', 'list_valid_date', 'cust_no', 'modified_after',
  'Lemonsoft30', 'Session-Id',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

describe('the Lemonsoft boundary', () => {
  it('keeps every Lemonsoft field name inside the lemonsoft adapter folder', () => {
    const leaks = files(SRC)
      .filter((file) => !file.startsWith(ADAPTER + '/'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return LEMONSOFT_FIELDS.filter((field) => new RegExp(`\\b${field}\\b`).test(text)).map((field) => `${relative(SRC, file)}: ${field}`);
      });
    expect(leaks).toEqual([]);
  });

  it('finds the field names where they belong, so the check above looks at real text', () => {
    const inside = files(ADAPTER).map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const field of LEMONSOFT_FIELDS) expect(inside, field).toMatch(new RegExp(`\\b${field}\\b`));
  });
});
