import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFilesErp } from '../../../src/erp/files/adapter.js';
import type { FileSystem } from '../../../src/erp/files/file-system.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { systemClock } from '../../../src/time/clock.js';
import { MASTER_DATA } from '../conformance/harnesses.js';
import { SELLER, writeErpExport } from '../../support/erp-export.js';
import { offerDraft, reviewedDraft, withLines } from '../../support/offer-draft.js';
import { NO_FENCE } from '../../support/runner.js';
import { tempDataDir } from '../../support/seller.js';
import { expectValidOutbox, expectValidQuotations } from '../../support/ubl.js';

let erp: ErpAdapter | null = null;

afterEach(async () => {
  await erp?.close();
  erp = null;
});

interface Folders {
  dataDir: string;
  outboxDir: string;
  ackDir: string;
}

async function open(settings: Record<string, unknown> = {}, fileSystem?: FileSystem): Promise<Folders & { erp: ErpAdapter }> {
  const dataDir = tempDataDir();
  const outboxDir = join(dataDir, 'outbox');
  const ackDir = join(dataDir, 'ack');
  mkdirSync(outboxDir);
  mkdirSync(ackDir);
  const exports = writeErpExport(join(dataDir, 'export'), MASTER_DATA);
  erp = await openFilesErp({ dataDir, clock: systemClock, fileSystem, settings: { exportDir: join(dataDir, 'export'), outboxDir, ackDir, refreshSeconds: 0, ...SELLER, exports, ...settings } });
  return { dataDir, outboxDir, ackDir, erp };
}

const outboxFiles = (dir: string) => readdirSync(dir).sort();
const document = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('files ERP: offers in the outbox', () => {
  it('writes an offer as a valid UBL 2.1 Quotation named for its reference, carrying the seller, buyer, lines, VAT by rate and totals', async () => {
    const { erp, outboxDir } = await open();

    const offer = await erp.offers.create(reviewedDraft('OF-ubl-1'), NO_FENCE);

    expect(outboxFiles(outboxDir)).toEqual(['OF-ubl-1.xml']);
    expectValidOutbox(outboxDir);
    const xml = document(outboxDir, 'OF-ubl-1.xml');
    expect(xml).toContain('<cbc:ID>OF-ubl-1</cbc:ID>');
    expect(xml).toMatch(/<cac:AdditionalDocumentReference>\s*<cbc:ID>900001<\/cbc:ID>\s*<cbc:DocumentType>Offerflow offer<\/cbc:DocumentType>\s*<cbc:VersionID>1<\/cbc:VersionID>/);
    expect(xml).toMatch(/<cac:PartyIdentification>\s*<cbc:ID schemeID="0037">1572860-0<\/cbc:ID>/);
    expect(xml).toMatch(/<cbc:SupplierAssignedAccountID>20002<\/cbc:SupplierAssignedAccountID>/);
    expect(xml).toMatch(/<cbc:Quantity unitCode="m">100<\/cbc:Quantity>/);
    expect(xml).toMatch(/<cac:SellersItemIdentification>\s*<cbc:ID>3000325<\/cbc:ID>/);
    expect(xml).toMatch(/<cbc:TaxableAmount currencyID="EUR">95.00<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">13.30<\/cbc:TaxAmount>/);
    expect(xml).toMatch(/<cbc:PayableAmount currencyID="EUR">\d+\.\d\d<\/cbc:PayableAmount>/);
    expect(xml).toMatch(/<cac:ValidityPeriod>\s*<cbc:StartDate>2026-11-26<\/cbc:StartDate>\s*<cbc:EndDate>2027-01-15<\/cbc:EndDate>/);
    expect(offer.number).toBe('900001');
  });

  it('escapes what the texts hold and reads them back unchanged', async () => {
    const { erp, outboxDir } = await open();
    const draft = { ...offerDraft('OF-ubl-2'), note: 'Hinnat <alv 0 %> & "rahti"\r\nerikseen', customerReference: "Tilaus 'A&B'" };

    const offer = await erp.offers.create(draft, NO_FENCE);

    expectValidOutbox(outboxDir);
    expect(offer.note).toBe(draft.note);
    expect(offer.customerReference).toBe(draft.customerReference);
  });

  it('lets no partial document appear: the content is written and flushed under a temporary name, renamed into place, and the folder flushed', async () => {
    const seen: string[] = [];
    const named = (path: unknown) => String(path).split('/').pop();
    const recording: FileSystem = {
      ...fs,
      open: async (path, flags) => {
        const handle = await fs.open(path, flags);
        seen.push(`open ${named(path)} ${String(flags)}`);
        const sync = async () => {
          seen.push(`sync ${named(path)}`);
          return handle.sync();
        };
        return new Proxy(handle, { get: (target, property) => (property === 'sync' ? sync : (Reflect.get(target, property) as unknown)) });
      },
      rename: async (from, to) => {
        seen.push(`rename ${named(from)} -> ${named(to)}, holding ${(await fs.readFile(from, 'utf8')).length} characters`);
        return fs.rename(from, to);
      },
    };
    const { erp, outboxDir } = await open({}, recording);

    await erp.offers.create(offerDraft('OF-atomic'), NO_FENCE);

    const length = document(outboxDir, 'OF-atomic.xml').length;
    const temporary = seen[0]?.split(' ')[1] ?? '';
    expect(temporary).toMatch(/^\.offerflow-[0-9a-f-]+\.tmp$/);
    expect(seen).toEqual([`open ${temporary} wx`, `sync ${temporary}`, `rename ${temporary} -> OF-atomic.xml, holding ${length} characters`, 'open outbox r', 'sync outbox']);
    expect(outboxFiles(outboxDir)).toEqual(['OF-atomic.xml']);
  });

  it('leaves neither a temporary nor a document when the rename fails, and the retry writes the one document', async () => {
    let fail = true;
    const flaky: FileSystem = {
      ...fs,
      rename: async (from, to) => {
        if (fail) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
        return fs.rename(from, to);
      },
    };
    const { erp, outboxDir } = await open({ writeRetries: 0 }, flaky);

    await expect(erp.offers.create(offerDraft('OF-flaky'), NO_FENCE)).rejects.toMatchObject({ code: 'erp_unavailable', message: expect.stringMatching(/could not write OF-flaky\.xml: EIO/) });
    expect(outboxFiles(outboxDir)).toEqual([]);

    fail = false;
    const offer = await erp.offers.create(offerDraft('OF-flaky'), NO_FENCE);

    expect(outboxFiles(outboxDir)).toEqual(['OF-flaky.xml']);
    expect(offer.number).toBe('900001');
  });

  it('writes one document for a reference however often it is created, and none again once it is out', async () => {
    const { erp, outboxDir } = await open();
    const first = await erp.offers.create(offerDraft('OF-once'), NO_FENCE);
    rmSync(join(outboxDir, 'OF-once.xml'));

    const again = await erp.offers.create(offerDraft('OF-once'), NO_FENCE);

    expect(again.number).toBe(first.number);
    expect(outboxFiles(outboxDir)).toEqual([]);
  });

  it('answers for an offer after the ERP import has taken its document away', async () => {
    const { erp, outboxDir } = await open();
    const created = await erp.offers.create(offerDraft('OF-taken'), NO_FENCE);
    rmSync(join(outboxDir, 'OF-taken.xml'));

    expect(await erp.offers.get(created.number)).toEqual(created);
    expect(await erp.offers.findByReference('OF-taken')).toEqual(created);
  });

  it('reads back what the document in the outbox says, so a changed file does not pass for what was sent', async () => {
    const { erp, outboxDir } = await open();
    const created = await erp.offers.create(offerDraft('OF-changed'), NO_FENCE);
    writeFileSync(join(outboxDir, 'OF-changed.xml'), document(outboxDir, 'OF-changed.xml').replace('<cbc:Quantity unitCode="m">10</cbc:Quantity>', '<cbc:Quantity unitCode="m">1</cbc:Quantity>'));

    expect((await erp.offers.get(created.number))?.lines[0]?.quantity).toBe('1');
  });

  it('writes a replaced offer as its next revision over the same name, and withdraws a document emptied of every line', async () => {
    const { erp, outboxDir } = await open();
    await erp.offers.create(offerDraft('OF-rev'), NO_FENCE);
    const first = document(outboxDir, 'OF-rev.xml');

    await erp.offers.replace(reviewedDraft('OF-rev'), NO_FENCE);

    const second = document(outboxDir, 'OF-rev.xml');
    expectValidQuotations([join(outboxDir, 'OF-rev.xml')]);
    expect(first).toMatch(/<cbc:VersionID>1<\/cbc:VersionID>/);
    expect(second).toMatch(/<cbc:VersionID>2<\/cbc:VersionID>/);
    expect(second).toContain('<cbc:ID>OF-rev</cbc:ID>');
    expect(outboxFiles(outboxDir)).toEqual(['OF-rev.xml']);

    const emptied = await erp.offers.replace(withLines(reviewedDraft('OF-rev'), []), NO_FENCE);
    expect(outboxFiles(outboxDir)).toEqual([]);
    expect(emptied.lines).toEqual([]);
  });

  it('names the file of a reference with unsafe characters safely, and apart from a look-alike reference', async () => {
    const { erp, outboxDir } = await open();
    await erp.offers.create(offerDraft('OF/1'), NO_FENCE);
    await erp.offers.create(offerDraft('OF_1'), NO_FENCE);

    expect(outboxFiles(outboxDir)).toHaveLength(2);
    expect(outboxFiles(outboxDir)).toContain('OF_1.xml');
    expect(outboxFiles(outboxDir).find((name) => name !== 'OF_1.xml')).toMatch(/^OF_1-[0-9a-f]{8}\.xml$/);
  });

  it('writes the CSV layout an installation sets: its columns and headers, delimiter and decimal separator', async () => {
    const { erp, outboxDir } = await open({
      format: 'csv',
      csv: {
        delimiter: ';',
        decimalSeparator: ',',
        columns: [{ field: 'reference', header: 'Ref' }, { field: 'customerNumber', header: 'KundNr' }, { field: 'position' }, { field: 'sku', header: 'ArtNr' }, { field: 'name' }, { field: 'quantity', header: 'Antal' }, { field: 'unitPrice', header: 'Pris' }, { field: 'lineNote' }],
      },
    });

    await erp.offers.create(reviewedDraft('OF-csv'), NO_FENCE);

    expect(outboxFiles(outboxDir)).toEqual(['OF-csv.csv']);
    expect(document(outboxDir, 'OF-csv.csv')).toBe(
      [
        'Ref;KundNr;position;ArtNr;name;Antal;Pris;lineNote',
        'OF-csv;20002;1;1000015;Kupariputki 15x1,0 kova;12;8,00;',
        'OF-csv;20002;3;3000325;MMJ 3x2,5S;100;1,00;kelalla',
        'OF-csv;20002;4;1000022;Kupariputki 22x1,0 kova;3;10,00;',
        '',
      ].join('\r\n'),
    );
  });

  it('reads a CSV-only offer back from the CSV while it is in the outbox, over the ledger for the fields the layout leaves out', async () => {
    const { erp, outboxDir } = await open({ format: 'csv', csv: { columns: [{ field: 'position' }, { field: 'sku' }, { field: 'quantity', header: 'Antal' }, { field: 'lineTotal' }] } });
    const created = await erp.offers.create(offerDraft('OF-csv-back'), NO_FENCE);
    writeFileSync(join(outboxDir, 'OF-csv-back.csv'), document(outboxDir, 'OF-csv-back.csv').replace('1;1000015;10;72,00', '1;1000015;9;64,80'));

    const read = await erp.offers.get(created.number);

    expect(read?.lines.map((l) => [l.position, l.sku, l.quantity, l.lineTotal, l.name])).toEqual([
      [1, '1000015', '9', '64.80', 'Kupariputki 15x1,0 kova'],
      [2, '2000020', '2', '30.00', 'Palloventtiili DN20 3/4" sk/sk'],
    ]);
    rmSync(join(outboxDir, 'OF-csv-back.csv'));
    expect(await erp.offers.get(created.number)).toEqual(created);
  });

  it('writes the CSV in Windows-1252 for an import that reads nothing else, and reads it back', async () => {
    const { erp, outboxDir } = await open({ format: 'csv', csv: { encoding: 'windows-1252', columns: [{ field: 'position' }, { field: 'sku' }, { field: 'name', header: 'Benämning' }, { field: 'note' }] } });
    const draft = { ...offerDraft('OF-ansi'), note: 'Hinta 5 € / m' };

    const created = await erp.offers.create(draft, NO_FENCE);

    const bytes = readFileSync(join(outboxDir, 'OF-ansi.csv'));
    expect(bytes.subarray(0, 29)).toEqual(Buffer.from('position;sku;Benämning;note\r\n', 'latin1'));
    // The euro sign is 0x80 in Windows-1252, and nothing in Latin-1.
    expect(bytes.includes(Buffer.from([0x35, 0x20, 0x80]))).toBe(true);
    expect(created.note).toBe('Hinta 5 € / m');
    expect(created.lines[1]?.name).toBe('Palloventtiili DN20 3/4" sk/sk');
  });

  it('writes both documents with format both', async () => {
    const { erp, outboxDir } = await open({ format: 'both' });
    await erp.offers.create(offerDraft('OF-both'), NO_FENCE);
    expect(outboxFiles(outboxDir)).toEqual(['OF-both.csv', 'OF-both.xml']);
    expectValidOutbox(outboxDir);
  });

  it('fails its readiness check, saying so, while the outbox is gone or is not a folder', async () => {
    const { erp, outboxDir } = await open();
    rmSync(outboxDir, { recursive: true });
    await expect(erp.check()).rejects.toThrow(/outbox .*outbox: cannot be reached: ENOENT/);
    writeFileSync(outboxDir, '');
    await expect(erp.check()).rejects.toThrow(/outbox .*outbox is not a folder/);
    await expect(erp.offers.create(offerDraft('OF-nowhere'), NO_FENCE)).rejects.toMatchObject({ code: 'erp_unavailable' });
  });
});

describe('files ERP: acknowledgements', () => {
  it("records the ERP's own number from its acknowledgement file, answers by it, and moves the file to processed/", async () => {
    const { erp, outboxDir, ackDir } = await open();
    const created = await erp.offers.create(offerDraft('OF-ack'), NO_FENCE);
    rmSync(join(outboxDir, 'OF-ack.xml'));
    writeFileSync(join(ackDir, 'kvitto-1.csv'), Buffer.from('reference;number\r\nOF-ack;J-40711\r\nOF-someone-elses;J-40712\r\n', 'latin1'));

    const byErpNumber = await erp.offers.get('J-40711');

    expect(byErpNumber).toEqual({ ...created, number: 'J-40711' });
    expect((await erp.offers.findByReference('OF-ack'))?.number).toBe('J-40711');
    expect((await erp.offers.get(created.number))?.number).toBe('J-40711');
    expect(readdirSync(ackDir)).toEqual(['processed']);
    expect(readdirSync(join(ackDir, 'processed'))).toEqual(['kvitto-1.csv']);
    await expect(erp.check()).resolves.toBeUndefined();
  });

  it('keeps an acknowledgement file it cannot read, naming its problem in the readiness check', async () => {
    const { erp, ackDir } = await open();
    await erp.offers.create(offerDraft('OF-ack-bad'), NO_FENCE);
    writeFileSync(join(ackDir, 'kvitto-2.csv'), 'reference;nummer\r\nOF-ack-bad;J-1\r\n');

    await expect(erp.check()).rejects.toThrow(/acknowledgements: kvitto-2\.csv: [\s\S]*unknown column 'nummer'/);
    expect((await erp.offers.findByReference('OF-ack-bad'))?.number).toBe('900001');
    expect(readdirSync(ackDir)).toEqual(['kvitto-2.csv']);
  });

  it("refuses an acknowledgement that gives one ERP number to two offers, naming both, and records nothing of it", async () => {
    const { erp, ackDir } = await open();
    await erp.offers.create(offerDraft('OF-ack-a'), NO_FENCE);
    await erp.offers.create(offerDraft('OF-ack-b'), NO_FENCE);
    writeFileSync(join(ackDir, 'kvitto-3.csv'), 'reference;number\r\nOF-ack-a;J-7\r\nOF-ack-b;J-7\r\n');

    await expect(erp.check()).rejects.toThrow(/acknowledgements: kvitto-3\.csv: the ERP's number J-7 for OF-ack-b is already that of OF-ack-a/);
    expect((await erp.offers.findByReference('OF-ack-a'))?.number).toBe('900001');
    expect(readdirSync(ackDir)).toEqual(['kvitto-3.csv']);
  });

  it('names an acknowledgement folder it cannot read in the readiness check, and goes on answering for offers', async () => {
    const { erp, ackDir } = await open();
    const created = await erp.offers.create(offerDraft('OF-ack-gone'), NO_FENCE);
    rmSync(ackDir, { recursive: true });

    expect(await erp.offers.get(created.number)).toEqual(created);
    await expect(erp.check()).rejects.toThrow(/acknowledgements: cannot read the folder .*ack: ENOENT/);
  });
});
