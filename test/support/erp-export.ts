import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MasterData } from '../../src/domain/master-data.js';
import { formatConversions } from '../../src/domain/sales-units.js';

/**
 * Master data as an ERP without an API exports it: one file per kind, with the ERP's own Swedish
 * headers (as Jeeves names its fields), semicolons, decimal commas, in Windows-1252.
 */

type Cells = Record<string, string | null>;

interface ExportLayout<T> {
  file: string;
  /** Our column → the ERP's header. */
  columns: Record<string, string>;
  cells(record: T): Cells;
}

const comma = (value: string | null) => (value === null ? null : value.replace('.', ','));

const PRODUCTS: ExportLayout<MasterData['products'][number]> = {
  file: 'ARTIKLAR_20261124.csv',
  columns: { sku: 'ArtNr', name: 'Benämning', extra_name: 'Benämning2', ean: 'EAN', supplier_code: 'LevArtNr', unit: 'Enhet', price: 'Pris', vat_rate: 'Moms%', group: 'VaruGrupp', units: 'Förpackning' },
  cells: (p) => ({ sku: p.sku, name: p.name, extra_name: p.extraName, ean: p.ean, supplier_code: p.supplierCodes.join('|'), unit: p.unit, price: comma(p.listPrice), vat_rate: comma(p.vatRate), group: p.group, units: p.units.length ? formatConversions(p.units) : null }),
};

const CUSTOMERS: ExportLayout<MasterData['customers'][number]> = {
  file: 'KUNDER.csv',
  columns: { number: 'KundNr', name: 'Namn', business_id: 'OrgNr', vat: 'MomsRegNr', email: 'Epost', domains: 'Domäner', seller_number: 'Säljare', pricelist: 'Prislista', street: 'Adress', postal_code: 'PostNr', city: 'Ort', country: 'Land' },
  cells: (c) => ({ number: c.number, name: c.name, business_id: c.businessId, vat: c.vat, email: c.email, domains: c.domains.join('|'), seller_number: c.sellerNumber, pricelist: c.pricelist, street: c.address.street, postal_code: c.address.postalCode, city: c.address.city, country: c.address.country }),
};

const PERSONS: ExportLayout<MasterData['persons'][number]> = {
  file: 'SALJARE.csv',
  columns: { number: 'SäljNr', name: 'Namn', email: 'Epost', phone: 'Telefon', role: 'Roll', language: 'Språk' },
  cells: (p) => ({ number: p.number, name: p.name, email: p.email, phone: p.phone, role: p.role, language: p.language }),
};

const PRICELISTS: ExportLayout<MasterData['priceRules'][number]> = {
  file: 'PRISLISTOR.csv',
  columns: { pricelist: 'Prislista', sku: 'ArtNr', group: 'VaruGrupp', price: 'NettoPris', discount: 'Rabatt%', min_qty: 'FrånAntal', valid_from: 'GiltigFrån', valid_to: 'GiltigTill' },
  cells: (r) => ({
    pricelist: r.pricelist,
    sku: r.target.kind === 'sku' ? r.target.sku : null,
    group: r.target.kind === 'group' ? r.target.group : null,
    price: r.adjustment.kind === 'net' ? comma(r.adjustment.price) : null,
    discount: r.adjustment.kind === 'discount' ? comma(r.adjustment.percent) : null,
    min_qty: comma(r.minQty),
    valid_from: r.validFrom,
    valid_to: r.validTo,
  }),
};

/** Windows-1252 agrees with Latin-1 outside 0x80–0x9F, which Finnish and Swedish letters never need. */
function windows1252(text: string): Buffer {
  if ([...text].some((ch) => ch.charCodeAt(0) > 0xff || (ch.charCodeAt(0) >= 0x80 && ch.charCodeAt(0) < 0xa0))) throw new Error('text outside Latin-1');
  return Buffer.from(text, 'latin1');
}

function csvOf<T>(layout: ExportLayout<T>, records: T[]): Buffer {
  const ours = Object.keys(layout.columns);
  const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [ours.map((c) => layout.columns[c]!).join(';'), ...records.map((r) => ours.map((c) => quote(layout.cells(r)[c] ?? '')).join(';'))];
  return windows1252(`${lines.join('\r\n')}\r\n`);
}

/** Writes the master data into `dir` as the ERP's export job would; answers the `exports` setting that reads it. */
export function writeErpExport(dir: string, data: MasterData): Record<string, { file: string; columns: Record<string, string> }> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, PRODUCTS.file), csvOf(PRODUCTS, data.products));
  writeFileSync(join(dir, CUSTOMERS.file), csvOf(CUSTOMERS, data.customers));
  writeFileSync(join(dir, PERSONS.file), csvOf(PERSONS, data.persons));
  writeFileSync(join(dir, PRICELISTS.file), csvOf(PRICELISTS, data.priceRules));
  return {
    products: { file: 'ARTIKLAR_*.csv', columns: PRODUCTS.columns },
    customers: { file: CUSTOMERS.file, columns: CUSTOMERS.columns },
    persons: { file: PERSONS.file, columns: PERSONS.columns },
    pricelists: { file: PRICELISTS.file, columns: PRICELISTS.columns },
  };
}

export const SELLER = { sellerName: 'Teknotukku Oy', sellerBusinessId: '1572860-0' };
