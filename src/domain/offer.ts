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
