import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonLines, offerflow } from '../support/cli.js';
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

  it("takes its folders from OFFERFLOW_ERP_* settings, and once the ERP's import acknowledges an offer, shows it under the ERP's number", async () => {
    const dataDir = tempDataDir();
    const outbox = join(dataDir, 'edi-in');
    const ack = join(dataDir, 'edi-ack');
    mkdirSync(outbox);
    mkdirSync(ack);
    const env = {
      ERP_TYPE: 'files',
      OFFERFLOW_ERP_EXPORT_DIR: join(import.meta.dirname, '..', '..', 'demo', 'data'),
      OFFERFLOW_ERP_OUTBOX_DIR: outbox,
      OFFERFLOW_ERP_ACK_DIR: ack,
      OFFERFLOW_ERP_SELLER_NAME: 'Teknotukku Oy',
      OFFERFLOW_ERP_SELLER_BUSINESS_ID: '2786402-8',
    };

    const run = await offerflow(['process', join(import.meta.dirname, '..', '..', 'examples', '01-fi-putkityo-virtanen.eml'), '--json', '--data-dir', dataDir], env);

    expect(run.code, run.stderr).toBe(0);
    const [result] = jsonLines(run.stdout) as { status: string; offerNumber: string }[];
    expect(result).toMatchObject({ status: 'created', offerNumber: '900001' });
    const [document] = readdirSync(outbox);
    expectValidQuotations([join(outbox, document!)]);
    writeFileSync(join(ack, 'ack.csv'), `reference;number\r\n${document!.replace(/\.xml$/, '')};J-40711\r\n`);
    const shown = await offerflow(['offers', 'show', 'J-40711', '--json', '--data-dir', dataDir], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ number: 'J-40711', customer: { number: '20001' } });
  });
});
