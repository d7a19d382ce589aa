import type { PartyRef } from './customer.js';
import type { DecimalString } from './money.js';

export interface OfferLine {
  position: number;
  sku: string;
  name: string;
  quantity: DecimalString;
  unit: string;
  unitPrice: DecimalString;
  discountPercent: DecimalString;
  vatRate: DecimalString;
  /** quantity × unitPrice less discount, rounded to cents. */
  lineTotal: DecimalString;
  note: string | null;
}

/**
 * How an ERP works out a discounted line's total, so that an offer's amounts are the ERP's own to
 * the cent: `discounted` rounds quantity × price less the discount once; `grossLessDiscount`
 * rounds quantity × price and the discount amount each, then subtracts (Business Central's sales
 * line does this: 6 × 15.61 less 25 % is 70.24 there, 70.25 the other way).
 */
export type LineRounding = 'discounted' | 'grossLessDiscount';

export interface OfferTotals {
  net: DecimalString;
  vat: DecimalString;
  gross: DecimalString;
  currency: string;
}

export interface OfferDraft {
  /** Our unique reference for the request; makes creation in any ERP safe to retry. */
  reference: string;
  customer: PartyRef | null;
  sellerNumber: string | null;
  customerReference: string | null;
  date: string;
  validUntil: string;
  note: string | null;
  lines: OfferLine[];
  totals: OfferTotals;
}

export interface Offer extends OfferDraft {
  number: string;
}

/** Whether two offers say the same outside their rows; totals follow from the rows, all but the currency. */
export function sameHeader(a: OfferDraft, b: OfferDraft): boolean {
  return (
    a.reference === b.reference &&
    a.customer?.number === b.customer?.number &&
    a.customer?.name === b.customer?.name &&
    a.sellerNumber === b.sellerNumber &&
    a.customerReference === b.customerReference &&
    a.date === b.date &&
    a.validUntil === b.validUntil &&
    a.note === b.note &&
    a.totals.currency === b.totals.currency
  );
}

/** An ERP row carries back nothing of ours but its position, so no two lines of a draft may share one. */
export function assertDistinctPositions(lines: OfferLine[]): void {
  if (new Set(lines.map((line) => line.position)).size !== lines.length) throw new Error('an offer draft has two lines at one position');
}
