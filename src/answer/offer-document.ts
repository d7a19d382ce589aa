import type { Address, Customer } from '../domain/customer.js';
import type { DecimalString } from '../domain/money.js';
import type { Offer, OfferLine } from '../domain/offer.js';
import type { Person } from '../domain/person.js';
import { vatByRate, type VatShare } from '../pricing/offer-totals.js';
import type { DocumentLanguage } from './document-language.js';
import type { Letterhead } from './letterhead.js';

/** An offer line as the customer's copy shows it: with their own code for the product, when their request gave one. */
export interface OfferDocumentLine extends Omit<OfferLine, 'note'> {
  customerCode: string | null;
}

/** Everything the customer's copy of an offer shows, in the words and numbers it shows them; no I/O. */
export interface OfferDocument {
  language: DocumentLanguage;
  letterhead: Letterhead;
  number: string;
  date: string;
  validUntil: string;
  customerReference: string | null;
  customer: { number: string; name: string; businessId: string | null; address: Address } | null;
  salesperson: { name: string; email: string; phone: string | null } | null;
  lines: OfferDocumentLine[];
  vatByRate: VatShare[];
  net: DecimalString;
  vat: DecimalString;
  gross: DecimalString;
  currency: string;
}

export interface OfferDocumentInput {
  offer: Offer;
  customer: Customer | null;
  salesperson: Person | null;
  /** The customer's own codes by line position. */
  customerCodes: ReadonlyMap<number, string>;
  language: DocumentLanguage;
  letterhead: Letterhead;
}

export function offerDocumentOf(input: OfferDocumentInput): OfferDocument {
  const { offer, customer, salesperson } = input;
  return {
    language: input.language,
    letterhead: input.letterhead,
    number: offer.number,
    date: offer.date,
    validUntil: offer.validUntil,
    customerReference: offer.customerReference,
    customer: customer ? { number: customer.number, name: customer.name, businessId: customer.businessId, address: customer.address } : null,
    salesperson: salesperson ? { name: salesperson.name, email: salesperson.email, phone: salesperson.phone } : null,
    lines: [...offer.lines]
      .sort((a, b) => a.position - b.position)
      .map(({ note: _shownToTheSalespersonOnly, ...line }) => ({ ...line, customerCode: input.customerCodes.get(line.position) ?? null })),
    vatByRate: vatByRate(offer.lines),
    net: offer.totals.net,
    vat: offer.totals.vat,
    gross: offer.totals.gross,
    currency: offer.totals.currency,
  };
}
