import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { localErpFile } from '../../src/erp/local/adapter.js';
import { jsonLines, offerflow, seeded } from '../support/cli.js';
import { fixturePath } from '../support/fixtures.js';

describe('offerflow learn-from-erp', () => {
  it('prints what it learned from an offer changed in the ERP, and learns nothing from it the second time', async () => {
    const dataDir = await seeded();
    const run = jsonLines((await offerflow(['process', fixturePath('workflow/rfq-known-customer.eml'), '--json', '--data-dir', dataDir])).stdout)[0]!;
    expect(run.offerNumber).toBe('10001');
    const erp = new Database(localErpFile(dataDir));
    erp.prepare("update offer_rows set sku = '1000022' where offer_number = 10001 and position = 2").run();
    erp.close();

    const first = await offerflow(['learn-from-erp', '--days', '7', '--data-dir', dataDir]);
    const again = await offerflow(['learn-from-erp', '--data-dir', dataDir]);

    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Read 1 offer back from the ERP; learned 1.');
    expect(first.stdout).toMatch(/│ +1 │ 10001 │ +2 │ 20001 +│ Palloventtiili DN20 3\/4" sk\/sk 2 kpl │ 2000020 │ 1000022 │/);
    expect(again.stdout).toContain('Read 1 offer back from the ERP; learned 0.');
    expect((await offerflow(['learn-from-erp', '--days', '0', '--data-dir', dataDir])).stderr).toContain('expected a number of days above 0');
  });
});
