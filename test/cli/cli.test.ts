import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, jsonLines, offerflow, seeded } from '../support/cli.js';
import { fixturePath } from '../support/fixtures.js';
import { tempDataDir } from '../support/seller.js';

describe('offerflow CLI', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does it)`);
  });

  it('prints one result per email and line, in the documented shape and the order given', async () => {
    const dataDir = await seeded();
    const run = await offerflow(['process', fixturePath('workflow/rfq-known-customer.eml'), fixturePath('workflow/thanks.eml'), '--json', '--data-dir', dataDir]);

    expect(run.code, run.stderr).toBe(0);
    const [offer, thanks] = jsonLines(run.stdout);
    expect(Object.keys(offer!)).toEqual(['success', 'status', 'offerNumber', 'customer', 'salesperson', 'lines', 'totals', 'warnings', 'errors', 'failure', 'steps']);
    expect(offer).toMatchObject({
      success: true,
      status: 'created',
      offerNumber: '10001',
      customer: { number: '20001', name: 'Putki Oy' },
      salesperson: { number: '101', name: 'Mikko Myyjä' },
      totals: { net: 102, vat: 26.01, gross: 128.01, currency: 'EUR' },
    });
    expect((offer!.lines as unknown[])[0]).toEqual({
      requested: { text: 'Kupariputki 15x1,0 kova 10 m', quantity: 10, unit: 'm', code: null },
      match: { sku: '1000015', name: 'Kupariputki 15x1,0 kova', confidence: expect.any(Number), note: null },
      quantity: 10,
      unit: 'm',
      conversion: null,
      unitPrice: 8,
      discountPercent: 10,
      lineTotal: 72,
    });
    expect((offer!.steps as { name: string; status: string; ms: number }[])[0]).toEqual({ name: 'parse_email', status: 'ok', ms: expect.any(Number) });
    expect(thanks).toMatchObject({ success: true, status: 'not_an_rfq', offerNumber: null, failure: null });
    // A run that stops early still lists every step, those it did not run as skipped.
    const steps = thanks!.steps as { name: string; status: string }[];
    expect(steps.map((s) => s.name)).toEqual(['parse_email', 'extract_company', 'find_customer', 'find_salesperson', 'extract_products', 'match_products', 'calculate_pricing', 'build_offer', 'create_offer', 'verify_offer']);
    expect(steps.at(-1)?.status).toBe('skipped');
  });

  it('shows the created offer and its run', async () => {
    const dataDir = await seeded();
    await offerflow(['process', fixturePath('workflow/rfq-known-customer.eml'), '--data-dir', dataDir]);

    const offers = await offerflow(['offers', 'list', '--json', '--data-dir', dataDir]);
    const show = await offerflow(['offers', 'show', '10001', '--data-dir', dataDir]);
    const runs = await offerflow(['runs', 'show', '1', '--data-dir', dataDir]);

    expect(JSON.parse(offers.stdout)).toEqual([expect.objectContaining({ offerNumber: '10001', status: 'created', run: 1 })]);
    expect(show.stdout).toContain('Kupariputki 15x1,0 kova');
    expect(show.stdout).toMatch(/Net 102\.00 EUR\s+VAT 26\.01\s+Gross 128\.01 EUR/);
    expect(runs.stdout).toContain('verify_offer');
  });

  it('learns a correction: the customer’s words match the taught product next time', async () => {
    const dataDir = await seeded();
    const first = jsonLines((await offerflow(['process', fixturePath('workflow/rfq-unmatched-line.eml'), '--json', '--data-dir', dataDir])).stdout)[0]!;
    expect((first.lines as { match: unknown }[])[1]!.match).toBeNull();

    const correct = await offerflow(['correct', '1', '2', '1000022', '--data-dir', dataDir]);
    const next = jsonLines((await offerflow(['process', fixturePath('cli/rfq-jakotukki-again.eml'), '--json', '--data-dir', dataDir])).stdout)[0]!;

    expect(correct.code, correct.stderr).toBe(0);
    expect(correct.stdout).toContain('is 1000022 Kupariputki 22x1,0 kova for Putki Oy');
    expect(next.lines).toEqual([expect.objectContaining({ match: { sku: '1000022', name: 'Kupariputki 22x1,0 kova', confidence: 1, note: null }, quantity: 3 })]);
  });

  it('refuses a correction for a line or product that does not exist', async () => {
    const dataDir = await seeded();
    await offerflow(['process', fixturePath('workflow/rfq-unmatched-line.eml'), '--data-dir', dataDir]);

    const noLine = await offerflow(['correct', '1', '9', '1000022', '--data-dir', dataDir]);
    const noProduct = await offerflow(['correct', '1', '2', '9999999', '--data-dir', dataDir]);

    expect(noLine.stderr).toContain('run 1 has lines 1 to 2, not 9');
    expect(noProduct.stderr).toContain('no product 9999999');
  });

  it('keeps going past an unreadable file, reports it as failed and exits non-zero', async () => {
    const dataDir = await seeded();
    const missing = join(dataDir, 'no-such.eml');
    const run = await offerflow(['process', missing, fixturePath('workflow/rfq-known-customer.eml'), '--json', '--data-dir', dataDir]);

    expect(run.code).toBe(1);
    const [failed, created] = jsonLines(run.stdout);
    expect(failed).toMatchObject({ success: false, status: 'failed' });
    expect((failed!.errors as string[])[0]).toContain('no-such.eml');
    expect(created).toMatchObject({ status: 'created' });
  });

  it('writes nothing on a dry run', async () => {
    const dataDir = await seeded();
    const dry = await offerflow(['process', fixturePath('workflow/rfq-known-customer.eml'), '--dry-run', '--json', '--data-dir', dataDir]);
    const runs = await offerflow(['runs', 'list', '--json', '--data-dir', dataDir]);

    expect(jsonLines(dry.stdout)[0]).toMatchObject({ status: 'created', offerNumber: null });
    expect(JSON.parse(runs.stdout)).toEqual([]);
  });

  it('rejects a bad import file naming file, row and column, and imports none of it', async () => {
    const dataDir = tempDataDir();
    const run = await offerflow(['import', 'products', fixturePath('cli/products-bad-price.csv'), '--data-dir', dataDir]);
    const dry = await offerflow(['process', fixturePath('workflow/rfq-free-mail.eml'), '--dry-run', '--json', '--data-dir', dataDir]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('products-bad-price.csv');
    expect(run.stderr).toContain('row 3, column price');
    expect(jsonLines(dry.stdout)[0]!.lines).toEqual([expect.objectContaining({ match: null })]);
  });

  it('imports customers\' own part numbers and matches a line by them for that customer, saying so on the line', async () => {
    const dataDir = await seeded();
    const before = await offerflow(['process', fixturePath('cli/rfq-customer-codes.eml'), '--dry-run', '--json', '--data-dir', dataDir]);
    const imported = await offerflow(['import', 'customer-codes', fixturePath('cli/customer-codes.csv'), '--data-dir', dataDir]);
    const after = await offerflow(['process', fixturePath('cli/rfq-customer-codes.eml'), '--dry-run', '--json', '--data-dir', dataDir]);

    expect(jsonLines(before.stdout)[0]).toMatchObject({ status: 'needs_review' });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported 2 customer codes');
    const result = jsonLines(after.stdout)[0]!;
    expect(result.status).toBe('created');
    expect(result.lines).toEqual([
      expect.objectContaining({ match: expect.objectContaining({ sku: '1000022', confidence: 1, note: "the customer's own code PO-4471" }), quantity: 30 }),
      expect.objectContaining({ match: expect.objectContaining({ sku: '1000015', note: "the customer's own code PO-4472" }), quantity: 12 }),
    ]);
  });

  it('refuses a customer-codes file that names a customer or a product the ERP does not have, and learns none of it', async () => {
    const dataDir = await seeded();
    const run = await offerflow(['import', 'customer-codes', fixturePath('cli/customer-codes-unknown.csv'), '--data-dir', dataDir]);
    const after = await offerflow(['process', fixturePath('cli/rfq-customer-codes.eml'), '--dry-run', '--json', '--data-dir', dataDir]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('customer-codes-unknown.csv');
    expect(run.stderr).toContain("column customer: '29999' (code PO-4472) is not a customer in the ERP");
    expect(run.stderr).toContain("column sku: '9999999' (customer 20001, code PO-4473) is not a product in the ERP");
    expect(jsonLines(after.stdout)[0]!.lines).not.toContainEqual(expect.objectContaining({ match: expect.objectContaining({ note: "the customer's own code PO-4471" }) }));
  });

  it('stops at start on a bad config value and names where it came from', async () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'offerflow.json'), JSON.stringify({ offerValidityDays: 0 }));

    const fromEnv = await offerflow(['runs', 'list', '--data-dir', dataDir], { ERP_TYPE: 'sap' });
    const fromFile = await offerflow(['runs', 'list', '--data-dir', dataDir]);

    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toContain('environment variable ERP_TYPE');
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`${join(dataDir, 'offerflow.json')} key 'offerValidityDays'`);
  });

  it('keeps two data directories apart, whether given by flag or by environment', async () => {
    const first = await seeded();
    const second = tempDataDir();
    await offerflow(['process', fixturePath('workflow/rfq-known-customer.eml'), '--data-dir', first]);

    const viaEnv = await offerflow(['runs', 'list', '--json'], { OFFERFLOW_DATA_DIR: second });

    expect(JSON.parse(viaEnv.stdout)).toEqual([]);
    expect(existsSync(join(second, 'offerflow.sqlite'))).toBe(true);
  });

  it('starts in several processes at once on a new data directory, each finding its tables made', async () => {
    const dataDir = tempDataDir();
    const runs = await Promise.all([1, 2, 3, 4].map(() => offerflow(['runs', 'list', '--json', '--data-dir', dataDir])));
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual([]);
    }
  });

  it('lets two processes create offers in the embedded ERP at the same time', async () => {
    const dataDir = await seeded();
    const original = readFileSync(fixturePath('workflow/rfq-known-customer.eml'), 'utf8');
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = join(dataDir, `mail-${i}.eml`);
      writeFileSync(file, original.replace(/^Message-ID: .*$/im, `Message-ID: <parallel-${i}@putki.fi>`));
      return file;
    });

    const runs = await Promise.all([0, 1].map((half) => offerflow(['process', ...files.filter((_, i) => i % 2 === half), '--json', '--data-dir', dataDir])));

    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const offers = runs.flatMap((run) => jsonLines(run.stdout).map((r) => r.offerNumber));
    expect(new Set(offers).size).toBe(12);
  });

  it('runs the demo: imports the demo wholesaler and prints an offer table per sample email', async () => {
    const dataDir = tempDataDir();
    const run = await offerflow(['demo', '--reset', '--data-dir', dataDir]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Imported \d{4} products/);
    expect(run.stdout).toMatch(/Offer 10001 \[created\]/);
    expect(run.stdout).toMatch(/Net \d+\.\d{2} EUR\s+VAT \d+\.\d{2}\s+Gross \d+\.\d{2} EUR/);
    expect(run.stdout).toMatch(/\d+ emails: .*created/);
  });
});
