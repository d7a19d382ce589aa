import { copyFileSync, cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFilesErp } from '../../../src/erp/files/adapter.js';
import type { ErpAdapter } from '../../../src/erp/ports.js';
import { clockAt } from '../../support/clock.js';
import { SELLER } from '../../support/erp-export.js';
import { tempDataDir } from '../../support/seller.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

/** How a Jeeves installation's export job names its files and fields, as its config would say. */
const JEEVES_EXPORTS = {
  products: { file: 'ARTIKLAR_*.csv', columns: { sku: 'ArtNr', name: 'Benämning', extra_name: 'Benämning2', ean: 'EAN', supplier_code: 'LevArtNr', unit: 'Enhet', price: 'Pris', vat_rate: 'Moms%', group: 'VaruGrupp' } },
  customers: { file: 'KUNDER.csv', columns: { number: 'KundNr', name: 'Namn', business_id: 'OrgNr', email: 'Epost', domains: 'Domäner', seller_number: 'Säljare', pricelist: 'Prislista', street: 'Adress', postal_code: 'PostNr', city: 'Ort', country: 'Land' } },
  persons: { file: 'SALJARE.csv', columns: { number: 'SäljNr', name: 'Namn', email: 'Epost', phone: 'Telefon' } },
  pricelists: { file: 'PRISLISTOR.csv', columns: { pricelist: 'Prislista', sku: 'ArtNr', group: 'VaruGrupp', price: 'NettoPris', discount: 'Rabatt%', min_qty: 'FrånAntal', valid_from: 'GiltigFrån', valid_to: 'GiltigTill' } },
};

let erp: ErpAdapter | null = null;

afterEach(async () => {
  await erp?.close();
  erp = null;
});

function exportFolder(fixture: string): { dataDir: string; exportDir: string; outboxDir: string } {
  const dataDir = tempDataDir();
  const exportDir = join(dataDir, 'export');
  cpSync(join(FIXTURES, fixture), exportDir, { recursive: true });
  const outboxDir = join(dataDir, 'outbox');
  mkdirSync(outboxDir);
  return { dataDir, exportDir, outboxDir };
}

async function openOn(folders: { dataDir: string; exportDir: string; outboxDir: string }, settings: Record<string, unknown> = {}, clock = clockAt('2026-11-24T08:00:00Z')) {
  erp = await openFilesErp({ dataDir: folders.dataDir, clock, settings: { exportDir: folders.exportDir, outboxDir: folders.outboxDir, ...SELLER, exports: JEEVES_EXPORTS, refreshSeconds: 0, ...settings } });
  return erp;
}

/** Stamps a file as written by a later run of the export job than the fixtures copied just now. */
function laterRun(file: string, secondsLater: number): void {
  const at = new Date(Date.now() + secondsLater * 1000);
  utimesSync(file, at, at);
}

/** A newer export of the products, as the next run of the export job leaves it beside the last. */
function nextExport(exportDir: string, name: string, content: string, secondsLater = 60): void {
  writeFileSync(join(exportDir, name), content);
  laterRun(join(exportDir, name), secondsLater);
}

describe('files ERP: master data from the ERP export folder', () => {
  it('reads a Jeeves export in Windows-1252 with semicolons, decimal commas, its own headers and columns Offerflow does not read', async () => {
    const erp = await openOn(exportFolder('jeeves'));

    const product = await erp.products.getBySku('1000015');
    expect(product).toMatchObject({ name: 'Kupariputki 15x1,0 kova', extraName: 'tanko 5 m', ean: '6401234567897', supplierCodes: ['CU1510K'], unit: 'm', vatRate: '25.5', group: 'CU' });
    expect(product?.listPrice).toBe('8');
    expect((await erp.products.getBySku('2000020'))?.name).toBe('Palloventtiili DN20 3/4" sk/sk');
    expect((await erp.products.getBySku('3000325'))?.extraName).toBe('kaapeli – 100 m kela');
    expect((await erp.customers.getByNumber('20002'))?.address).toEqual({ street: 'Åbovägen 3', postalCode: '20100', city: 'Åbo', country: 'FI' });
    expect((await erp.persons.findByEmail('mikko@seller.fi'))?.name).toBe('Mikko Myyjä');
    const [tenValves] = await erp.pricing.price({ customerNumber: '20001', date: '2026-11-24', lines: [{ sku: '2000020', quantity: '10' }] });
    expect(Number(tenValves?.unitPrice)).toBe(11);
    await expect(erp.check()).resolves.toBeUndefined();
  });

  it('reads an Oscar XLSX export of the products, the kinds it does not export left out', async () => {
    const erp = await openOn(exportFolder('oscar'), {
      exports: {
        products: { file: 'tuotteet.xlsx', columns: { sku: 'Tuotekoodi', name: 'Nimike', unit: 'Yksikkö', price: 'Myyntihinta', vat_rate: 'ALV %', group: 'Tuoteryhmä', ean: 'EAN-koodi' } },
        customers: { file: null },
        persons: { file: null },
        pricelists: { file: null },
      },
    });

    expect(await erp.products.getBySku('5000011')).toMatchObject({ name: 'Sulkuventtiili DN15 öljylle', unit: 'kpl', listPrice: '23.9', vatRate: '25.5', group: 'VALVES' });
    expect((await erp.products.findByCode('6401234567897')).map((p) => p.sku)).toEqual(['1000015']);
    await expect(erp.check()).resolves.toBeUndefined();
  });

  it('reads the newest export again when it changes: changed rows change and rows gone from the file go', async () => {
    const folders = exportFolder('jeeves');
    const erp = await openOn(folders);
    expect(await erp.products.getBySku('4000048')).not.toBeNull();

    nextExport(folders.exportDir, 'ARTIKLAR_20261125.csv', 'ArtNr;Benämning;Enhet;Pris\r\n1000015;Kupariputki 15x1,0 kova;m;8,40\r\n');

    expect((await erp.products.getBySku('1000015'))?.listPrice).toBe('8.4');
    expect(await erp.products.getBySku('4000048')).toBeNull();
    expect((await erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
  });

  it('reads a file the export job wrote again with the same content no more, and one it changed in full, so a catalog refresh sees only real changes', async () => {
    const folders = exportFolder('jeeves');
    const clock = clockAt('2026-11-24T08:00:00Z');
    const erp = await openOn(folders, {}, clock);
    const modified = async (after: string) => {
      const skus: string[] = [];
      for await (const product of erp.products.iterate({ modifiedAfter: after })) skus.push(product.sku);
      return skus;
    };
    clock.advance(60_000);
    laterRun(join(folders.exportDir, 'ARTIKLAR_20261124.csv'), 60);

    expect(await modified('2026-11-24T08:00:30.000Z')).toEqual([]);

    writeFileSync(join(folders.exportDir, 'ARTIKLAR_20261124.csv'), 'ArtNr;Benämning;Enhet;Pris\r\n1000015;Kupariputki 15x1,0 kova;m;8,40\r\n');
    laterRun(join(folders.exportDir, 'ARTIKLAR_20261124.csv'), 120);
    expect(await modified('2026-11-24T08:00:30.000Z')).toEqual(['1000015']);
  });

  it('looks at the folder no more often than refreshSeconds says', async () => {
    const folders = exportFolder('jeeves');
    const clock = clockAt('2026-11-24T08:00:00Z');
    const erp = await openOn(folders, { refreshSeconds: 60 }, clock);
    await erp.products.getBySku('1000015');

    nextExport(folders.exportDir, 'ARTIKLAR_20261125.csv', 'ArtNr;Benämning;Enhet;Pris\r\n1000015;Kupariputki 15x1,0 kova;m;8,40\r\n');
    clock.advance(30_000);
    expect((await erp.products.getBySku('1000015'))?.listPrice).toBe('8');
    clock.advance(30_000);
    expect((await erp.products.getBySku('1000015'))?.listPrice).toBe('8.4');
  });

  it('keeps serving the last good data when a new export has a bad row, and its readiness check names the file, row and column until a good one comes', async () => {
    const folders = exportFolder('jeeves');
    const erp = await openOn(folders);
    copyFileSync(join(FIXTURES, 'bad', 'ARTIKLAR_20261125.csv'), join(folders.exportDir, 'ARTIKLAR_20261125.csv'));
    laterRun(join(folders.exportDir, 'ARTIKLAR_20261125.csv'), 60);

    expect((await erp.products.getBySku('2000020'))?.listPrice).toBe('15');
    await expect(erp.check()).rejects.toThrow(/products: ARTIKLAR_20261125\.csv: row 4, column Pris: '15,x0' is not a price/);
    expect((await erp.products.getBySku('4000048'))?.name).toBe('Nippuside 4,8x200 musta');

    nextExport(folders.exportDir, 'ARTIKLAR_20261126.csv', 'ArtNr;Benämning;Enhet;Pris\r\n2000020;Palloventtiili DN20;kpl;15,50\r\n', 120);
    await expect(erp.check()).resolves.toBeUndefined();
    expect((await erp.products.getBySku('2000020'))?.listPrice).toBe('15.5');
  });

  it('names a required column the export lacks by the header the mapping expects', async () => {
    const folders = exportFolder('jeeves');
    nextExport(folders.exportDir, 'ARTIKLAR_20261125.csv', 'ArtNr;Benämning;Enhet\r\n1000015;Kupariputki;m\r\n');
    const erp = await openOn(folders);

    await expect(erp.check()).rejects.toThrow(/required column 'Pris' \(price\) is missing from the header/);
    expect(await erp.products.getBySku('1000015')).toBeNull();
  });

  it('fails its readiness check while an export file is missing, and still serves what it read before', async () => {
    const folders = exportFolder('jeeves');
    const erp = await openOn(folders);
    rmSync(join(folders.exportDir, 'KUNDER.csv'));

    await expect(erp.check()).rejects.toThrow(/customers: no file 'KUNDER\.csv' in the export folder/);
    expect((await erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
  });

  it('refuses settings that name a column Offerflow does not read, naming the setting', async () => {
    const folders = exportFolder('jeeves');
    await expect(openOn(folders, { exports: { products: { columns: { colour: 'Färg' } } } })).rejects.toThrow(/erp\.settings\.exports\.products\.columns: names a column Offerflow does not read/);
  });
});
