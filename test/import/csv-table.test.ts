import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/import/csv-table.js';
import type { TableRow } from '../../src/import/table.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'offerflow-csv-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function rows(file: string): Promise<TableRow[]> {
  const read: TableRow[] = [];
  for await (const row of readCsv(file)) read.push(row);
  return read;
}

describe('readCsv', () => {
  it('reads a file as windows-1252 when its only non-UTF-8 byte is far past the first read', async () => {
    const file = join(dir, 'products.csv');
    const ascii = Array.from({ length: 100_000 }, (_, i) => `${1_000_000 + i};Kupariputki ${i} mm;m;1,50`);
    const latin1Row = 90_000;
    ascii[latin1Row - 2] = `9000000;Päätetulppa 22 mm;kpl;2,10`;
    writeFileSync(file, Buffer.from(['sku;name;unit;price', ...ascii].join('\n'), 'latin1'));

    const read = await rows(file);

    expect(read).toHaveLength(100_001);
    expect(read[latin1Row - 1]).toEqual({ row: latin1Row, cells: ['9000000', 'Päätetulppa 22 mm', 'kpl', '2,10'] });
    expect(read.at(-1)).toEqual({ row: 100_001, cells: ['1099999', 'Kupariputki 99999 mm', 'm', '1,50'] });
  });

  it('reads the characters windows-1252 has where Latin-1 has none: the euro sign, dashes and curly quotes', async () => {
    const file = join(dir, 'products.csv');
    // "Päätetulppa – 22 mm ’sk’;2,10 €" as Excel on Windows saves it.
    writeFileSync(file, Buffer.concat([Buffer.from('name;price\r\nP\xe4\xe4tetulppa ', 'latin1'), Buffer.from([0x96]), Buffer.from(' 22 mm ', 'latin1'), Buffer.from([0x92]), Buffer.from('sk', 'latin1'), Buffer.from([0x92]), Buffer.from(';2,10 ', 'latin1'), Buffer.from([0x80, 0x0d, 0x0a])]));

    expect((await rows(file))[1]?.cells).toEqual(['Päätetulppa – 22 mm ’sk’', '2,10 €']);
  });

  it('sniffs the delimiter of a UTF-16 file from its decoded header', async () => {
    const file = join(dir, 'products.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('sku,name\r\n1,Päätetulppa; 22 mm\r\n', 'utf16le').swap16()]));

    expect(await rows(file)).toEqual([
      { row: 1, cells: ['sku', 'name'] },
      { row: 2, cells: ['1', 'Päätetulppa; 22 mm'] },
    ]);
  });

  it('refuses a binary file renamed .csv', async () => {
    const file = join(dir, 'products.csv');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));

    await expect(rows(file)).rejects.toThrow(/^has NUL bytes but no UTF-16 byte-order mark.*save it as CSV UTF-8$/);
  });

  it('refuses a row over the size limit, naming the row where it starts', async () => {
    const file = join(dir, 'products.csv');
    const unclosed = `"${'Kupariputki 15 mm\n'.repeat(100_000)}`;
    writeFileSync(file, ['sku;name;unit;price', '1;Tiiviste;kpl;1', '', '2;' + unclosed].join('\n'));

    await expect(rows(file)).rejects.toThrow('row 4: more than 1 MB in one row, over the 1 MB limit for a CSV row (is a quote left open?)');
  });
});
