import type { OfferDraft, OfferLine } from '../../domain/offer.js';
import { readCsvContent } from '../../import/csv-table.js';

/**
 * An offer as CSV for an ERP import that reads CSV rather than UBL: one row per line, the header's
 * fields repeated on each, in the columns, order, delimiter and decimal separator an installation
 * sets. A layout need not carry every field, so reading one back lays what it carries over the
 * offer as the adapter's ledger has it.
 */
export const OFFER_CSV_FIELDS = [
  'reference',
  'number',
  'revision',
  'date',
  'validUntil',
  'customerNumber',
  'customerName',
  'sellerNumber',
  'customerReference',
  'note',
  'currency',
  'position',
  'sku',
  'name',
  'quantity',
  'unit',
  'unitPrice',
  'discountPercent',
  'vatRate',
  'lineTotal',
  'lineNote',
  'net',
  'vat',
  'gross',
] as const;

export type OfferCsvField = (typeof OFFER_CSV_FIELDS)[number];

interface OfferCsvColumn {
  field: OfferCsvField;
  header?: string | undefined;
}

export interface OfferCsvFormat {
  delimiter: string;
  decimalSeparator: '.' | ',';
  encoding: 'utf-8' | 'windows-1252';
  columns: readonly OfferCsvColumn[];
}

const DECIMAL_FIELDS: ReadonlySet<OfferCsvField> = new Set(['quantity', 'unitPrice', 'discountPercent', 'vatRate', 'lineTotal', 'net', 'vat', 'gross']);

type Values = Record<OfferCsvField, string | number | null>;

function values(offer: OfferDraft, number: string, revision: number, line: OfferLine): Values {
  return {
    reference: offer.reference,
    number,
    revision,
    date: offer.date,
    validUntil: offer.validUntil,
    customerNumber: offer.customer?.number ?? null,
    customerName: offer.customer?.name ?? null,
    sellerNumber: offer.sellerNumber,
    customerReference: offer.customerReference,
    note: offer.note,
    currency: offer.totals.currency,
    position: line.position,
    sku: line.sku,
    name: line.name,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discountPercent: line.discountPercent,
    vatRate: line.vatRate,
    lineTotal: line.lineTotal,
    lineNote: line.note,
    net: offer.totals.net,
    vat: offer.totals.vat,
    gross: offer.totals.gross,
  };
}

/** Quoted only where a cell holds the delimiter, a quote or a line break, as spreadsheets do. */
function cell(text: string, delimiter: string): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function offerCsv(offer: OfferDraft, number: string, revision: number, format: OfferCsvFormat): string {
  const row = (cells: string[]) => cells.map((c) => cell(c, format.delimiter)).join(format.delimiter);
  const header = row(format.columns.map((c) => c.header ?? c.field));
  const rows = offer.lines.map((line) => {
    const all = values(offer, number, revision, line);
    return row(
      format.columns.map(({ field }) => {
        const value = all[field];
        if (value === null) return '';
        return DECIMAL_FIELDS.has(field) ? String(value).replace('.', format.decimalSeparator) : String(value);
      }),
    );
  });
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

const emptyToNull = (text: string) => (text === '' ? null : text);

/** What a row the ledger has no line for starts from: only what the CSV says. */
const BLANK_LINE: OfferLine = { position: 0, sku: '', name: '', quantity: '0', unit: '', unitPrice: '0', discountPercent: '0', vatRate: '0', lineTotal: '0', note: null };

/** Sets one field, as the CSV has it, on the offer and the line of its row. */
function readField(field: OfferCsvField, text: string, offer: OfferDraft, line: OfferLine): void {
  switch (field) {
    case 'reference': offer.reference = text; break;
    case 'date': offer.date = text; break;
    case 'validUntil': offer.validUntil = text; break;
    case 'customerNumber': offer.customer = text === '' ? null : { number: text, name: offer.customer?.name ?? '' }; break;
    case 'customerName': if (offer.customer) offer.customer = { ...offer.customer, name: text }; break;
    case 'sellerNumber': offer.sellerNumber = emptyToNull(text); break;
    case 'customerReference': offer.customerReference = emptyToNull(text); break;
    case 'note': offer.note = emptyToNull(text); break;
    case 'currency': offer.totals = { ...offer.totals, currency: text }; break;
    case 'net': case 'vat': case 'gross': offer.totals = { ...offer.totals, [field]: text }; break;
    case 'position': line.position = Number(text); break;
    case 'sku': case 'name': case 'unit': case 'quantity': case 'unitPrice': case 'discountPercent': case 'vatRate': case 'lineTotal': line[field] = text; break;
    case 'lineNote': line.note = emptyToNull(text); break;
    case 'number': case 'revision': break;
  }
}

/** An offer as a CSV of `offerCsv` says it, over `kept` for the fields its layout leaves out. */
export async function offerOfCsv(content: Buffer, format: OfferCsvFormat, kept: OfferDraft): Promise<OfferDraft> {
  const offer: OfferDraft = { ...kept, lines: [] };
  let header = true;
  for await (const row of readCsvContent(content)) {
    if (header) {
      header = false;
      continue;
    }
    const line: OfferLine = { ...(kept.lines[offer.lines.length] ?? BLANK_LINE) };
    format.columns.forEach(({ field }, index) => {
      const cell = row.cells[index] ?? '';
      readField(field, DECIMAL_FIELDS.has(field) ? cell.replace(format.decimalSeparator, '.') : cell, offer, line);
    });
    offer.lines.push(line);
  }
  return offer;
}
