import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/domain/customer.js';
import type { Product } from '../../src/domain/product.js';
import { openLocalErp, type LocalErp } from '../../src/erp/local/adapter.js';
import { importFile, importTable } from '../../src/import/import-file.js';
import { IMPORT_KINDS, type ImportKind, type ImportKindName } from '../../src/import/kinds.js';
import { IMPORT_LIMITS, type ImportLimits } from '../../src/import/limits.js';
import { ImportError } from '../../src/import/table.js';
import { sharedStringRow, sharedStrings, sheet, workbook } from '../support/workbook-zip.js';
import { systemClock } from '../../src/time/clock.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

let dataDir: string;
let erp: LocalErp;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'offerflow-import-'));
  erp = await openLocalErp({ dataDir, clock: systemClock });
});

afterEach(async () => {
  await erp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function fixture(name: string): string {
  return join(FIXTURES, name);
}

function load(kind: ImportKindName, name: string) {
  return importFile(erp.masterData, kind, fixture(name));
}

/** Imports a file that must fail, and returns its ImportError. */
async function rejection(kind: ImportKindName, file: string, limits?: ImportLimits): Promise<ImportError> {
  const error = await importFile(erp.masterData, kind, file, undefined, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

async function allProducts(): Promise<Product[]> {
  const products: Product[] = [];
  for await (const p of erp.products.iterate()) products.push(p);
  return products;
}

async function skusFoundBy(code: string): Promise<string[]> {
  return (await erp.products.findByCode(code)).map((p) => p.sku).sort();
}

function product(fields: Pick<Product, 'sku' | 'name' | 'unit' | 'listPrice'> & Partial<Product>): Product {
  return { extraName: null, ean: null, supplierCodes: [], units: [], vatRate: '25.5', group: null, ...fields };
}

async function customer(number: string): Promise<Customer | null> {
  const found = await erp.customers.getByNumber(number);
  return found && { ...found, domains: [...found.domains].sort() };
}

const GOOD_PRODUCTS = [
  product({
    sku: '1100001',
    name: 'Kupariputki 10x0,8 kova',
    extraName: 'tanko 5 m, EN 1057',
    ean: '4006381333931',
    supplierCodes: ['CU108K'],
    unit: 'm',
    listPrice: '5.82',
    group: 'LVI-KUPARI',
  }),
  product({
    sku: '2200010',
    name: 'Palloventtiili DN15',
    extraName: 'sisäkierre; messinki',
    ean: '6410000000018',
    supplierCodes: ['VP-15', 'BV 15-MS'],
    unit: 'kpl',
    listPrice: '1234.5',
    group: 'LVI-VENTTIILIT',
  }),
  product({ sku: '3300020', name: 'Kaapeli MMJ 3x1,5S', unit: 'm', listPrice: '0.89', vatRate: '14' }),
];

describe('importing products', () => {
  it('reads a semicolon file with decimal commas, a UTF-8 BOM and CRLF line ends', async () => {
    const summary = await load('products', 'products-good.csv');

    expect(summary).toEqual({ kind: 'products', file: fixture('products-good.csv'), records: 3 });
    for (const expected of GOOD_PRODUCTS) {
      expect(await erp.products.getBySku(expected.sku)).toEqual(expected);
    }
  });

  it('makes products findable by sku, EAN and every supplier code, however the code is written', async () => {
    await load('products', 'products-good.csv');

    expect(await skusFoundBy('4006381333931')).toEqual(['1100001']);
    expect(await skusFoundBy('cu-108k')).toEqual(['1100001']);
    expect(await skusFoundBy('VP 15')).toEqual(['2200010']);
    expect(await skusFoundBy('BV15MS')).toEqual(['2200010']);
    expect(await skusFoundBy('3300020')).toEqual(['3300020']);
    expect(await skusFoundBy('CU108')).toEqual([]);
  });

  it('reads a comma-delimited file with quoted cells and headers in any case', async () => {
    await load('products', 'products-comma.csv');

    expect(await allProducts()).toEqual([
      product({
        sku: '4400001',
        name: 'Ruuvi M8x40, A4',
        ean: '96385074',
        supplierCodes: ['M8X40-A4'],
        unit: 'kpl',
        listPrice: '0.35',
      }),
      product({ sku: '4400002', name: 'Mutteri M8', unit: 'kpl', listPrice: '0.12' }),
    ]);
  });

  it('reads a TAB-delimited file whose cells contain commas and semicolons', async () => {
    await load('products', 'products-tab.tsv');

    expect(await allProducts()).toEqual([
      product({ sku: '5500001', name: 'Lattialämmitysputki 16x2, PE-RT', unit: 'm', listPrice: '1.15', group: 'LVI-LATTIA' }),
      product({ sku: '5500002', name: 'Jakotukki; 6 lähtöä', unit: 'kpl', listPrice: '289', group: 'LVI-LATTIA' }),
    ]);
  });

  it('reads the first worksheet of an xlsx file: numbers, rich text, formulas and text with decimal commas', async () => {
    const summary = await load('products', 'products-good.xlsx');

    expect(summary.records).toBe(3);
    expect(await allProducts()).toEqual([
      product({
        sku: '9100001',
        name: 'Kupariputki 15x1,0',
        ean: '6410000000025',
        unit: 'm',
        listPrice: '7.9',
        group: 'LVI-KUPARI',
      }),
      product({ sku: '9100002', name: 'Palloventtiili DN20', unit: 'kpl', listPrice: '21', vatRate: '14' }),
      product({ sku: '9100003', name: 'Tiiviste', unit: 'kpl', listPrice: '0.45' }),
    ]);
  });

  it('updates products by sku when a changed file is imported again', async () => {
    await load('products', 'products-good.csv');
    await load('products', 'products-good-changed.csv');

    expect((await allProducts()).map((p) => p.sku)).toEqual(['1100001', '2200010', '3300020', '3300030']);
    expect(await erp.products.getBySku('1100001')).toEqual({
      ...GOOD_PRODUCTS[0],
      ean: '6410000000100',
      supplierCodes: [],
      listPrice: '6.1',
    });
    expect(await skusFoundBy('6410000000100')).toEqual(['1100001']);
    expect(await skusFoundBy('4006381333931')).toEqual([]);
    expect(await skusFoundBy('CU108K')).toEqual([]);
    expect(await skusFoundBy('BV15MS')).toEqual(['2200010']);
  });

  it('keeps the fields of columns a re-imported file leaves out', async () => {
    await load('products', 'products-good.csv');
    await load('products', 'products-prices-only.csv');

    expect(await erp.products.getBySku('1100001')).toEqual({ ...GOOD_PRODUCTS[0], listPrice: '6.4' });
    expect(await skusFoundBy('4006381333931')).toEqual(['1100001']);
    expect(await skusFoundBy('CU108K')).toEqual(['1100001']);
  });
});

describe('text encodings', () => {
  const NORDIC_PRODUCTS = [
    product({ sku: '1000001', name: 'Kupariputki 15x1,0', extraName: 'Åbo lager', unit: 'm', listPrice: '7.9', group: 'LVI-KUPARI' }),
    product({
      sku: '1000002',
      name: 'Päätetulppa 22 mm',
      extraName: 'Hälsningar – 5 € / 10 kpl',
      unit: 'kpl',
      listPrice: '2.1',
      group: 'LVI-OSAT',
    }),
  ];

  it.each([
    ['windows-1252, as Excel on Windows saves "CSV"', 'products-windows-1252.csv'],
    ['UTF-8 without a BOM', 'products-utf-8.csv'],
    ['UTF-8 with a BOM', 'products-utf-8-bom.csv'],
    ['UTF-16 LE with a BOM and TABs, as Excel saves "Unicode Text"', 'products-utf-16le.txt'],
    ['UTF-16 BE with a BOM', 'products-utf-16be.csv'],
  ])('reads %s', async (_, name) => {
    await load('products', name);

    expect(await allProducts()).toEqual(NORDIC_PRODUCTS);
  });

  it('refuses UTF-16 without a BOM, saying how to save the file instead', async () => {
    const error = await rejection('products', fixture('products-utf-16le-no-bom.csv'));

    expect(error.message).toBe(
      'products-utf-16le-no-bom.csv: has NUL bytes but no UTF-16 byte-order mark, so it is UTF-16 without a BOM or not a text file at all; save it as CSV UTF-8',
    );
    expect(await allProducts()).toEqual([]);
  });

  it('refuses a file that starts with a UTF-8 BOM but is not UTF-8', async () => {
    const file = join(dataDir, 'products.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('\uFEFFsku;name;unit;price\n1;'), Buffer.from('Päätetulppa', 'latin1'), Buffer.from(';kpl;1\n')]));

    const error = await rejection('products', file);

    expect(error.problems).toEqual(['starts with a UTF-8 byte-order mark but is not valid UTF-8; save it again as CSV UTF-8']);
  });
});

describe('importing customers and persons', () => {
  it('imports customers with business ids in either form, VAT numbers and email domains', async () => {
    const summary = await load('customers', 'customers-good.csv');

    expect(summary.records).toBe(3);
    expect(await customer('20001')).toEqual({
      number: '20001',
      name: 'Putkityö Virtanen Oy',
      businessId: '0112038-9',
      vat: 'FI01120389',
      email: 'Tilaukset@Virtanen.fi',
      domains: ['virtanen.com', 'virtanen.fi'],
      sellerNumber: '101',
      pricelist: 'URAKOITSIJA',
      address: { street: 'Hatanpään valtatie 12', postalCode: '33100', city: 'Tampere', country: 'FI' },
    });
    expect(await customer('20002')).toEqual({
      number: '20002',
      name: 'Rörvärme Ab',
      businessId: '0109862-8',
      vat: 'FI01098628',
      email: null,
      domains: [],
      sellerNumber: null,
      pricelist: null,
      address: { street: null, postalCode: '02150', city: 'Espoo', country: 'FI' },
    });
    expect(await customer('20003')).toEqual({
      number: '20003',
      name: 'Yksityinen asiakas',
      businessId: null,
      vat: null,
      email: null,
      domains: [],
      sellerNumber: null,
      pricelist: null,
      address: { street: null, postalCode: null, city: null, country: null },
    });
  });

  it('makes customers findable by business id, VAT number, email and domain', async () => {
    await load('customers', 'customers-good.csv');

    expect((await erp.customers.findByBusinessId('FI01120389'))?.number).toBe('20001');
    expect((await erp.customers.findByBusinessId('0109862-8'))?.number).toBe('20002');
    expect((await erp.customers.findByEmail('tilaukset@virtanen.fi')).map((c) => c.number)).toEqual(['20001']);
    expect((await erp.customers.findByDomain('virtanen.com')).map((c) => c.number)).toEqual(['20001']);
  });

  it('updates a customer by number, replacing its domains, when imported again', async () => {
    await load('customers', 'customers-good.csv');
    await load('customers', 'customers-changed.csv');

    const updated = await customer('20001');
    expect(updated).toMatchObject({ name: 'Putkityö Virtanen Oy Ab', sellerNumber: '102', pricelist: 'AVAINASIAKAS' });
    expect(updated?.domains).toEqual(['virtanen.net']);
    expect(await erp.customers.findByDomain('virtanen.com')).toEqual([]);
    expect((await erp.customers.searchByName('Virtanen')).map((c) => c.number)).toEqual(['20001']);
    expect(await customer('20002')).not.toBeNull();
  });

  it('keeps a customer’s email, domains and price list when a file has only names', async () => {
    await load('customers', 'customers-good.csv');
    const before = await customer('20001');
    await load('customers', 'customers-names-only.csv');

    expect(await customer('20001')).toEqual({ ...before, name: 'Putkityö Virtanen Oy (Tampere)' });
    expect((await erp.customers.findByDomain('virtanen.com')).map((c) => c.number)).toEqual(['20001']);
  });

  it('imports persons, with optional phone, role and language', async () => {
    await load('persons', 'persons-good.csv');

    expect(await erp.persons.list()).toEqual([
      {
        number: '101',
        name: 'Mikko Lehtonen',
        email: 'Mikko.Lehtonen@teknotukku.fi',
        phone: '+358 40 123 4501',
        role: 'Myyjä, LVI',
        language: 'fi',
      },
      { number: '102', name: 'Sanna Koivisto', email: 'sanna.koivisto@teknotukku.fi', phone: null, role: null, language: null },
    ]);
    expect((await erp.persons.findByEmail('mikko.lehtonen@TEKNOTUKKU.fi'))?.number).toBe('101');
  });
});

describe('importing price lists', () => {
  beforeEach(async () => {
    await load('products', 'products-good.csv');
    await load('customers', 'customers-good.csv');
  });

  function price(customerNumber: string | null, date: string, sku: string, quantity = '1') {
    return erp.pricing.price({ customerNumber, date, lines: [{ sku, quantity }] }).then((prices) => prices[0]);
  }

  it("prices with the rows of the customer's own price list", async () => {
    await load('pricelists', 'pricelists-good.csv');

    const prices = await erp.pricing.price({
      customerNumber: '20001',
      date: '2025-06-15',
      lines: [
        { sku: '1100001', quantity: '1' },
        { sku: '1100001', quantity: '100' },
        { sku: '2200010', quantity: '1' },
        { sku: '3300020', quantity: '1' },
      ],
    });
    expect(prices).toEqual([
      { sku: '1100001', unitPrice: '4.9', discountPercent: '0', vatRate: '25.5' },
      { sku: '1100001', unitPrice: '4.5', discountPercent: '0', vatRate: '25.5' },
      { sku: '2200010', unitPrice: '1234.5', discountPercent: '10', vatRate: '25.5' },
      // the 0,50 row belongs to another price list
      { sku: '3300020', unitPrice: '0.89', discountPercent: '0', vatRate: '14' },
    ]);
  });

  it('reads Finnish dates (D.M.YYYY) as inclusive validity', async () => {
    await load('pricelists', 'pricelists-good.csv');

    // the sku row is valid 1.1.2025-31.12.2025; afterwards the group row's 5 % applies
    expect((await price('20001', '2025-01-01', '2200010'))?.discountPercent).toBe('10');
    expect((await price('20001', '2025-12-31', '2200010'))?.discountPercent).toBe('10');
    expect((await price('20001', '2026-01-01', '2200010'))?.discountPercent).toBe('5');
    expect((await price('20001', '2024-12-31', '2200010'))?.discountPercent).toBe('5');
  });

  it('reads Excel dates, percentages and formula results as the spreadsheet shows them', async () => {
    await load('pricelists', 'pricelists-excel-formats.xlsx');

    expect(await price('20001', '2025-03-01', '2200010')).toMatchObject({ discountPercent: '12.5' });
    expect(await price('20001', '2026-01-01', '2200010')).toMatchObject({ discountPercent: '0' });
    expect(await price('20001', '2025-06-15', '1100001', '10')).toMatchObject({ unitPrice: '7.7' });
  });

  it('leaves customers without a price list at list price', async () => {
    await load('pricelists', 'pricelists-good.csv');

    expect(await price('20002', '2025-06-15', '1100001')).toEqual({
      sku: '1100001',
      unitPrice: '5.82',
      discountPercent: '0',
      vatRate: '25.5',
    });
  });

  it('updates a price-list row by its key when imported again', async () => {
    await load('pricelists', 'pricelists-good.csv');
    await load('pricelists', 'pricelists-changed.csv');

    expect((await price('20001', '2025-06-15', '1100001'))?.unitPrice).toBe('4.7');
    expect((await price('20001', '2025-06-15', '1100001', '100'))?.unitPrice).toBe('4.5');
  });
});

describe('rejected files', () => {
  it('names the file, the row and the column of a bad value', async () => {
    const error = await rejection('products', fixture('products-bad-price.csv'));

    expect(error.file).toBe('products-bad-price.csv');
    expect(error.problems).toEqual([expect.stringMatching(/^row 3, column price: .*'kymmenen'/)]);
    expect(error.message).toContain('products-bad-price.csv');
    expect(error.message).toContain('row 3, column price');
  });

  it('reads how a product converts to other units, and names a conversion it cannot read', async () => {
    await load('products', 'products-units.csv');

    expect((await erp.products.getBySku('5500001'))?.units).toEqual([{ unit: 'rll', quantity: '200', of: 'm' }]);
    expect((await erp.products.getBySku('5500002'))?.units).toEqual([
      { unit: 'pkt', quantity: '100', of: 'kpl' },
      { unit: 'ltk', quantity: '1000', of: 'kpl' },
    ]);
    expect((await erp.products.getBySku('5500003'))?.units).toEqual([]);

    const error = await rejection('products', fixture('products-bad-units.csv'));
    expect(error.problems).toEqual([expect.stringMatching(/^row 3, column units: '100 kpl per pkt' is not a list of unit conversions like 'rll=200 m'/)]);
  });

  it('rejects a negative price but accepts a free item', async () => {
    const error = await rejection('products', fixture('products-negative-price.csv'));

    expect(error.problems).toEqual([expect.stringMatching(/^row 3, column price: '-5.00' is not a price/)]);
  });

  it('imports nothing from a file with a bad row, not even the good rows before it', async () => {
    await rejection('products', fixture('products-bad-price.csv'));

    expect(await erp.products.getBySku('6600001')).toBeNull();
    expect(await allProducts()).toEqual([]);
  });

  it('imports nothing when the bad row comes after more rows than fit in one write batch', async () => {
    const error = await rejection('products', fixture('products-bad-after-batch.csv'));

    expect(error.problems).toEqual([expect.stringMatching(/^row 602, column ean: .*'6410000000019'/)]);
    expect(await erp.products.getBySku('8000001')).toBeNull();
    expect(await allProducts()).toEqual([]);
  });

  it('leaves earlier imports untouched when a later file is rejected', async () => {
    await load('products', 'products-good.csv');
    await rejection('products', fixture('products-bad-price.csv'));

    expect(await allProducts()).toEqual(GOOD_PRODUCTS);
  });

  it('reports the spreadsheet row number of a bad xlsx row', async () => {
    const error = await rejection('products', fixture('products-bad.xlsx'));

    expect(error.file).toBe('products-bad.xlsx');
    expect(error.problems).toEqual([expect.stringMatching(/^row 4, column price: .*'ilmainen'/)]);
    expect(await allProducts()).toEqual([]);
  });

  it('reports every header problem by column name', async () => {
    const error = await rejection('products', fixture('products-bad-header.csv'));

    expect(error.file).toBe('products-bad-header.csv');
    expect(error.problems).toHaveLength(3);
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown column 'colour'/),
        expect.stringMatching(/column 'name' appears twice/),
        expect.stringMatching(/required column 'unit' is missing/),
      ]),
    );
    expect(await allProducts()).toEqual([]);
  });

  it('reports a key that appears twice in one file with both rows', async () => {
    const error = await rejection('products', fixture('products-duplicate-sku.csv'));

    expect(error.problems).toEqual([expect.stringMatching(/^row 4: '7700001' is already on row 2$/)]);
    expect(await allProducts()).toEqual([]);
  });

  it.each([
    ['customers', 'customers-bad-business-id.csv', /^row 2, column business_id: .*'0112038-8'/],
    ['persons', 'persons-missing-email.csv', /^row 3, column email: a value is required$/],
  ] as const)('rejects %s file %s', async (kind, name, problem) => {
    const error = await rejection(kind, fixture(name));

    expect(error.file).toBe(name);
    expect(error.problems).toEqual([expect.stringMatching(problem)]);
  });

  it('reports every bad price-list row with its row and column', async () => {
    const error = await rejection('pricelists', fixture('pricelists-bad-rows.csv'));

    expect(error.problems).toEqual([
      expect.stringMatching(/^row 2, column sku: give exactly one of sku and group$/),
      expect.stringMatching(/^row 3, column price: give exactly one of price and discount$/),
      expect.stringMatching(/^row 4, column valid_to: /),
      expect.stringMatching(/^row 5, column valid_from: .*'31\.2\.2025'/),
    ]);
  });

  it('rejects an empty file, an unsupported file type and a missing file, naming the file', async () => {
    const empty = await rejection('products', fixture('products-empty.csv'));
    expect(empty.file).toBe('products-empty.csv');
    expect(empty.problems).toEqual([expect.stringMatching(/empty/)]);

    const json = await rejection('products', fixture('products.json'));
    expect(json.file).toBe('products.json');
    expect(json.problems).toEqual([expect.stringMatching(/unsupported file type '\.json'/)]);

    const missing = await rejection('products', join(dataDir, 'no-such-file.csv'));
    expect(missing.file).toBe('no-such-file.csv');
    expect(missing.problems).toEqual([expect.stringMatching(/could not be read/)]);
  });
});

describe('limits', () => {
  const MB = 1024 * 1024;
  const HEADER = ['sku', 'name', 'unit', 'price'];
  const HEADER_ROW = sharedStringRow(1, [0, 1, 2, 3]);

  function write(name: string, content: Buffer | string): string {
    const file = join(dataDir, name);
    writeFileSync(file, content);
    return file;
  }

  it('refuses a 10 MB cell by its length, naming the row and the column', async () => {
    const rows = Array.from({ length: 16 }, (_, i) => [`${1_000_002 + i}`, `Kupariputki ${i} mm`, 'm', '7,90']);
    rows[15]![1] = 'x'.repeat(10 * MB);
    const texts = [...HEADER, ...rows.flat()];
    const cells = [HEADER_ROW, ...rows.map((_, i) => sharedStringRow(i + 2, [0, 1, 2, 3].map((c) => 4 + i * 4 + c)))];
    const file = write('products.xlsx', workbook(sharedStrings(texts), sheet(cells)));

    const error = await rejection('products', file);

    expect(error.message).toBe('products.xlsx: row 17, column name: 10,485,760 characters, over the 200-character limit');
    expect(await allProducts()).toEqual([]);
  });

  it('holds a CSV cell to its column’s limit, not counting the spaces around it', async () => {
    const email = `${'m'.repeat(245)}@virtanen.fi`;
    const file = write('persons.csv', `number;name;email\n101;${'Mikko '.repeat(33)}   ;${email}\n102;Sanna Koivisto;sanna@teknotukku.fi\n`);

    const error = await rejection('persons', file);

    expect(error.problems).toEqual(['row 2, column email: 257 characters, over the 254-character limit']);
  });

  it('refuses a file over the row limit, naming the limit, and imports none of it', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => `${1_000_000 + i};Tuote ${i};kpl;1`);
    const file = write('products.csv', ['sku;name;unit;price', ...rows].join('\n'));

    const error = await rejection('products', file, { ...IMPORT_LIMITS, maxRows: 3 });

    expect(error.message).toBe('products.csv: has more than 3 rows, over the 3-row limit for imports; split it into smaller files');
    expect(await allProducts()).toEqual([]);
  });

  it('imports a file of exactly the row limit', async () => {
    const rows = Array.from({ length: 3 }, (_, i) => `${1_000_000 + i};Tuote ${i};kpl;1`);
    const file = write('products.csv', ['sku;name;unit;price', ...rows].join('\n'));

    const summary = await importFile(erp.masterData, 'products', file, undefined, { ...IMPORT_LIMITS, maxRows: 3 });

    expect(summary.records).toBe(3);
  });

  /** 56 bytes of XML a string, so 2.4 million of them are 128 MB. */
  const NAME = 'Päätetulppa 22 mm, messinki, sisäkierre';

  it('refuses shared strings that unpack over their limit, though the zip declares them small', async () => {
    const strings = { ...sharedStrings(HEADER, { text: NAME, times: 4_000_000 }), declaredSize: 4096 };
    const file = write('products.xlsx', workbook(strings, sheet([HEADER_ROW])));

    const error = await rejection('products', file);

    expect(error.message).toBe('products.xlsx: xl/sharedStrings.xml unpacks to more than 128 MB, over the 128 MB shared-strings limit for imports');
  });

  it('refuses shared strings that the zip declares over their limit without unpacking them', async () => {
    const file = write('products.xlsx', workbook(sharedStrings(HEADER, { text: NAME, times: 4_000_000 }), sheet([HEADER_ROW])));

    const error = await rejection('products', file);

    expect(error.problems).toEqual([expect.stringMatching(/^xl\/sharedStrings\.xml unpacks to 2\d\d(\.\d)? MB, over the 128 MB shared-strings limit for imports$/)]);
  });

  it('refuses a workbook that unpacks over the total limit', async () => {
    const row = sharedStringRow(2, [0, 1, 2, 3]);
    const worksheet = { ...sheet([HEADER_ROW], { row, times: 600 * MB / row.length }), declaredSize: 4096 };
    const file = write('products.xlsx', workbook(sharedStrings(HEADER), worksheet));

    const error = await rejection('products', file);

    expect(error.message).toBe('products.xlsx: unpacks to more than 512 MB, over the 512 MB unpacked-size limit for imports');
  });

  it('refuses an XLSX larger than it may unpack to without reading it', async () => {
    const error = await rejection('products', fixture('products-good.xlsx'), { ...IMPORT_LIMITS, maxUnpackedBytes: 1024 });

    expect(error.problems).toEqual(['is 7.2 KB, over the 1 KB unpacked-size limit for imports']);
  });

  it('refuses an XLSX that is not a zip', async () => {
    const error = await rejection('products', write('products.xlsx', 'sku;name;unit;price\n'));

    expect(error.problems).toEqual(['is not a valid XLSX file (no zip directory; the file may be cut short)']);
  });
});

describe('progress', () => {
  it('reports rows read while importing a big file', async () => {
    const rows = 25_000;
    const file = join(dataDir, 'big-products.csv');
    const lines = Array.from({ length: rows }, (_, i) => `${1_000_000 + i};Tuote ${i};kpl;${i % 100},${i % 10}5`);
    writeFileSync(file, ['sku;name;unit;price', ...lines].join('\n') + '\n');

    const calls: number[] = [];
    const summary = await importFile(erp.masterData, 'products', file, (rowsRead) => calls.push(rowsRead));

    expect(summary.records).toBe(rows);
    expect(calls.length).toBeGreaterThanOrEqual(2);
    calls.forEach((rowsRead, i) => {
      expect(rowsRead).toBeGreaterThan(i === 0 ? 0 : calls[i - 1]!);
      expect(rowsRead).toBeLessThanOrEqual(rows);
    });
    expect(await erp.products.getBySku(String(1_000_000 + rows - 1))).toMatchObject({ listPrice: '99.95' });
    expect((await allProducts()).length).toBe(rows);
  });
});

describe('import with a header mapping, for files another system writes', () => {
  const mapping = new Map([
    ['sku', 'ArtNr'],
    ['name', 'Benämning'],
    ['price', 'Pris'],
  ] as const);

  function exported(content: string): string {
    const file = join(dataDir, 'ARTIKLAR.csv');
    writeFileSync(file, content);
    return file;
  }

  it("reads the file's own headers as ours, ignores the columns it does not map, and keeps our name for a column it leaves out", async () => {
    const file = exported('ArtNr;Benämning;Lagerplats;Pris;unit\n1000015;Kupariputki 15;A-12;8,40;m\n');

    await importTable(erp.masterData, IMPORT_KINDS.products as ImportKind<unknown>, file, undefined, IMPORT_LIMITS, mapping);

    expect(await erp.products.getBySku('1000015')).toMatchObject({ name: 'Kupariputki 15', listPrice: '8.4', unit: 'm' });
  });

  it("names a bad cell's column by the file's own header", async () => {
    const file = exported('ArtNr;Benämning;Pris;unit\n1000015;Kupariputki 15;8,4x;m\n');

    const error = await importTable(erp.masterData, IMPORT_KINDS.products as ImportKind<unknown>, file, undefined, IMPORT_LIMITS, mapping).catch((e: unknown) => e);

    expect((error as ImportError).problems).toEqual(["row 2, column Pris: '8,4x' is not a price (a number of 0 or more, with . or , as the decimal separator)"]);
  });

  it('names a missing required column by the header the mapping expects', async () => {
    const file = exported('ArtNr;Benämning;unit\n1000015;Kupariputki 15;m\n');

    const error = await importTable(erp.masterData, IMPORT_KINDS.products as ImportKind<unknown>, file, undefined, IMPORT_LIMITS, mapping).catch((e: unknown) => e);

    expect((error as ImportError).problems).toEqual(["required column 'Pris' (price) is missing from the header"]);
  });
});
