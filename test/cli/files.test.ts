import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offerflow } from '../support/cli.js';
import { tempDataDir } from '../support/seller.js';
import { expectValidQuotations } from '../support/ubl.js';

/** The demo's offers, without the lines that say where the data came from or went. */
function offersOf(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !/^(Imported \d+|Data directory:|Offer documents )/.test(line))
    .join('\n')
    .trim();
}

describe('offerflow on an ERP reached through files', () => {
  it('makes the same offers from the demo emails through export files and an outbox as on the embedded ERP, and leaves each as a valid UBL Quotation', async () => {
    const filesDir = tempDataDir();
    const [local, files] = await Promise.all([
      offerflow(['demo', '--reset', '--data-dir', tempDataDir()]),
      offerflow(['demo', '--erp', 'files', '--reset', '--data-dir', filesDir]),
    ]);

    expect(local.code, local.stderr).toBe(0);
    expect(files.code, files.stderr).toBe(0);
    expect(files.stdout).toMatch(/Offer 10001 \[created\]/);
    expect(offersOf(files.stdout)).toBe(offersOf(local.stdout));
    const outbox = join(filesDir, 'outbox');
    const documents = readdirSync(outbox);
    expect(documents.length).toBe((files.stdout.match(/^Offer \d+ \[/gm) ?? []).length);
    expectValidQuotations(documents.map((name) => join(outbox, name)));
  });
});
