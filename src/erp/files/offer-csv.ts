import type { OfferDraft, OfferLine } from '../../domain/offer.js';

/**
 * An offer as CSV for an ERP import that reads CSV rather than UBL: one row per line, the header's
 * fields repeated on each, in the columns, order, delimiter and decimal separator an installation
 * sets. Written only: what is read back is the UBL revision the adapter keeps.
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

export interface OfferCsvColumn {
  field: OfferCsvField;
  header?: string | undefined;
}

export interface OfferCsvFormat {
  delimiter: string;
  decimalSeparator: '.' | ',';
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
