import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import { decimalFromNumber, toCents, type DecimalString } from '../../domain/money.js';
import type { Offer, OfferDraft, OfferLine } from '../../domain/offer.js';
import type { Person } from '../../domain/person.js';
import type { Product } from '../../domain/product.js';
import type { WireCustomer, WireItem, WireQuote, WireQuoteLine, WireSalesperson } from './wire.js';

/**
 * The one module that translates between Business Central's fields and the domain, both ways:
 * the adapter reads with the `from` functions and writes quotes with the `to` ones; the
 * simulator can store the demo data through the `to` ones.
 *
 * What API v2.0 has no field for is said where it is decided: a customer's second domain is its
 * website; an item's supplier codes and unit conversions are not exposed (BC keeps them in
 * Item Reference and Item Unit of Measure, which v2.0 has no page for); a quote has no field
 * for the customer's reference or a note, so they travel as comment lines ahead of the items.
 */

const orNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);
/** BC's empty date. */
const NO_DATE = '0001-01-01';
const dateOnly = (value: string | null | undefined): string => {
  const date = (value ?? '').slice(0, 10);
  return date === NO_DATE ? '' : date;
};

function domainOf(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  return at > 0 ? email!.slice(at + 1).toLowerCase() : null;
}

/** "https://www.putki.fi/yhteys" and "putki.fi" both name putki.fi. */
function websiteDomain(website: string | null | undefined): string | null {
  const text = orNull(website)?.trim();
  if (!text) return null;
  const url = URL.canParse(text) ? new URL(text) : URL.canParse(`https://${text}`) ? new URL(`https://${text}`) : null;
  return url ? url.hostname.toLowerCase().replace(/^www\./, '') : null;
}

/** A customer blocked for everything cannot be offered to; one blocked for shipping or invoicing still can. */
export function isActiveCustomer(w: WireCustomer): boolean {
  return w.blocked !== 'All';
}

/** The customer's address and its website's domain, as addresses mail from the customer may come from. */
export function customerDomains(w: WireCustomer): string[] {
  return [...new Set([domainOf(w.email), websiteDomain(w.website)].filter((d): d is string => d !== null))];
}

export function customerFromWire(w: WireCustomer): Customer {
  const businessId = w.taxRegistrationNumber ? normalizeBusinessId(w.taxRegistrationNumber) : null;
  return {
    number: w.number,
    name: w.displayName,
    businessId,
    vat: businessId ? vatNumberOf(businessId) : orNull(w.taxRegistrationNumber),
    email: orNull(w.email)?.toLowerCase() ?? null,
    domains: customerDomains(w),
    sellerNumber: orNull(w.salespersonCode),
    // BC prices for the customer itself; API v2.0 names no price list on the customer.
    pricelist: null,
    address: { street: orNull(w.addressLine1), postalCode: orNull(w.postalCode), city: orNull(w.city), country: orNull(w.country) },
  };
}

/** One domain beyond the main address's fits, in the website; BC has nowhere for more. */
export function customerToWire(c: Customer, id: string, modified: string): WireCustomer {
  const mainDomain = domainOf(c.email);
  const website = c.domains.find((d) => d !== mainDomain) ?? '';
  return {
    id,
    number: c.number,
    displayName: c.name,
    email: c.email ?? '',
    website,
    taxRegistrationNumber: c.vat ?? c.businessId ?? '',
    salespersonCode: c.sellerNumber ?? '',
    addressLine1: c.address.street ?? '',
    addressLine2: '',
    city: c.address.city ?? '',
    postalCode: c.address.postalCode ?? '',
    country: c.address.country ?? '',
    blocked: '_x0020_',
    lastModifiedDateTime: modified,
  };
}

/** A blocked salesperson cannot be put on a quote. */
export function isActiveSalesperson(w: WireSalesperson): boolean {
  return w.blocked !== true;
}

/** A salesperson's job title stands for the role; BC keeps no language for one. */
export function personFromWire(w: WireSalesperson): Person {
  return { number: w.code, name: w.displayName ?? '', email: w.email ?? '', phone: orNull(w.phoneNo), role: orNull(w.jobTitle), language: null };
}

export function personToWire(p: Person, id: string): WireSalesperson {
  return { id, code: p.number, displayName: p.name, email: p.email, phoneNo: p.phone ?? '', jobTitle: p.role ?? '', blocked: false };
}

export function isOffered(w: WireItem): boolean {
  return w.blocked !== true;
}

/** The VAT rate of an item's tax group, by the installation's table; a tax group the table lacks is a setup error worth naming. */
export function productFromWire(w: WireItem, vatRates: Record<string, string>): Product {
  const taxGroup = orNull(w.taxGroupCode);
  const vatRate = taxGroup === null ? undefined : vatRates[taxGroup];
  if (taxGroup !== null && vatRate === undefined) {
    throw new Error(`item ${w.number}: taxGroupCode ${taxGroup} is not in the VAT rate table (erp.settings.vatRates)`);
  }
  return {
    sku: w.number,
    name: w.displayName ?? w.number,
    extraName: orNull(w.displayName2),
    ean: orNull(w.gtin),
    supplierCodes: [],
    unit: w.baseUnitOfMeasureCode ?? '',
    units: [],
    listPrice: decimalFromNumber(w.unitPrice ?? 0),
    vatRate: vatRate ?? '25.5',
    group: orNull(w.itemCategoryCode),
  };
}

export function productToWire(p: Product, id: string, taxGroupCode: string, modified: string): WireItem {
  return {
    id,
    number: p.sku,
    displayName: p.name,
    displayName2: p.extraName ?? '',
    gtin: p.ean ?? '',
    blocked: false,
    unitPrice: Number(p.listPrice),
    itemCategoryCode: p.group ?? '',
    taxGroupCode,
    baseUnitOfMeasureCode: p.unit,
    lastModifiedDateTime: modified,
  };
}

/**
 * Offerflow's references are "OF-" and lower-case hex (the workflow's `referenceOf`), and BC
 * keeps `externalDocumentNumber` as a Code[35], upper-cased: written and searched upper-cased,
 * read back in Offerflow's form.
 */
export const MAX_REFERENCE_LENGTH = 35;
export const referenceToWire = (reference: string): string => reference.toUpperCase();
export function referenceFromWire(stored: string | null | undefined): string {
  const text = stored ?? '';
  return text.startsWith('OF-') ? `OF-${text.slice(3).toLowerCase()}` : text;
}

/** The quote's own fields, in the order BC validates them: the customer first, since it brings defaults (salesperson, validity) that what follows overrides. */
export function quoteHeaderToWire(draft: OfferDraft, localCurrency: string): Partial<WireQuote> {
  return {
    customerNumber: draft.customer?.number ?? '',
    externalDocumentNumber: referenceToWire(draft.reference),
    documentDate: draft.date,
    validUntilDate: draft.validUntil || NO_DATE,
    salesperson: draft.sellerNumber ?? '',
    currencyCode: draft.totals.currency === localCurrency ? '' : draft.totals.currency,
  };
}

/** A quote line as Offerflow writes it: what a POST sends, and what a PATCH may change. */
export interface QuoteLineBody {
  sequence: number;
  lineType: 'Item' | 'Comment';
  lineObjectNumber?: string;
  description: string;
  description2?: string;
  unitOfMeasureCode?: string;
  quantity?: number;
  unitPrice?: number;
  discountPercent?: number;
}

/**
 * Where each kind of line sits, by BC's `sequence` (its Line No.), which a POST may set and
 * nothing changes afterwards: the customer's reference at 1, the note's pieces from 2, and the
 * item at position p at p × 10000, BC's own spacing, so a line a user inserts between two falls
 * between positions and is seen as not Offerflow's.
 */
const REFERENCE_SEQUENCE = 1;
const NOTE_SEQUENCE = 2;
const POSITION_STEP = 10_000;
/** Text[100] and Text[50]: a longer text is cut into pieces (a note) or to the length (a line's note). */
const DESCRIPTION_LENGTH = 100;
const DESCRIPTION2_LENGTH = 50;

export const sequenceOf = (position: number): number => position * POSITION_STEP;

/** An item line's position, or null for a line Offerflow did not place. */
export function linePosition(line: WireQuoteLine): number | null {
  if (line.lineType !== 'Item' || line.sequence % POSITION_STEP !== 0) return null;
  return line.sequence / POSITION_STEP;
}

function pieces(text: string, length: number): string[] {
  const result: string[] = [];
  for (let at = 0; at < text.length; at += length) result.push(text.slice(at, at + length));
  return result;
}

/**
 * The price is ours, sent after the quantity: validating `quantity` runs BC's price
 * calculation, and a price validated after it stands. Letting BC price the line instead would
 * store BC's price, which the offer the salesperson approved (and the conformance suite's
 * "stored as sent") may not carry; Offerflow's pricing already asked BC what it knows.
 */
export function itemLineToWire(line: OfferLine): QuoteLineBody {
  return {
    sequence: sequenceOf(line.position),
    lineType: 'Item',
    lineObjectNumber: line.sku,
    description: line.name.slice(0, DESCRIPTION_LENGTH),
    description2: (line.note ?? '').slice(0, DESCRIPTION2_LENGTH),
    unitOfMeasureCode: line.unit,
    quantity: Number(line.quantity),
    unitPrice: Number(line.unitPrice),
    discountPercent: Number(line.discountPercent),
  };
}

/** Every line the quote of this draft holds, in sequence. */
export function quoteLinesToWire(draft: OfferDraft): QuoteLineBody[] {
  const comment = (sequence: number, description: string): QuoteLineBody => ({ sequence, lineType: 'Comment', description });
  return [
    ...(draft.customerReference ? [comment(REFERENCE_SEQUENCE, draft.customerReference.slice(0, DESCRIPTION_LENGTH))] : []),
    ...pieces(draft.note ?? '', DESCRIPTION_LENGTH).map((piece, i) => comment(NOTE_SEQUENCE + i, piece)),
    ...draft.lines.map(itemLineToWire),
  ];
}

/** Fields a line cannot change once inserted: a line that differs in them is deleted and added again. */
export function sameLineKind(held: WireQuoteLine, wanted: QuoteLineBody): boolean {
  return held.sequence === wanted.sequence && held.lineType === wanted.lineType && (wanted.lineObjectNumber ?? '') === (held.lineObjectNumber ?? '');
}

/** What a PATCH would have to change on a line of the same kind; empty when it says what is wanted. */
export function lineChanges(held: WireQuoteLine, wanted: QuoteLineBody): Partial<QuoteLineBody> {
  const changes: Partial<QuoteLineBody> = {};
  const text = (value: string | null | undefined) => value ?? '';
  if (text(held.description) !== wanted.description) changes.description = wanted.description;
  if (wanted.lineType === 'Comment') return changes;
  if (text(held.description2) !== text(wanted.description2)) changes.description2 = wanted.description2;
  if (text(held.unitOfMeasureCode) !== text(wanted.unitOfMeasureCode)) changes.unitOfMeasureCode = wanted.unitOfMeasureCode;
  // Quantity before price, as in a POST: a quantity validated after the price would reprice the line.
  if ((held.quantity ?? 0) !== wanted.quantity || (held.unitPrice ?? 0) !== wanted.unitPrice) {
    changes.quantity = wanted.quantity;
    changes.unitPrice = wanted.unitPrice;
  }
  if ((held.discountPercent ?? 0) !== wanted.discountPercent) changes.discountPercent = wanted.discountPercent;
  return changes;
}

function offerLineFromWire(line: WireQuoteLine, position: number): OfferLine {
  return {
    position,
    sku: line.lineObjectNumber ?? '',
    name: line.description ?? '',
    quantity: decimalFromNumber(line.quantity ?? 0),
    unit: line.unitOfMeasureCode ?? '',
    unitPrice: decimalFromNumber(line.unitPrice ?? 0),
    discountPercent: decimalFromNumber(line.discountPercent ?? 0),
    vatRate: decimalFromNumber(line.taxPercent ?? 0),
    lineTotal: money(line.amountExcludingTax),
    note: orNull(line.description2),
  };
}

/** Totals are whole cents, whatever float the JSON carried. */
function money(value: number | null | undefined): DecimalString {
  return toCents(decimalFromNumber(value ?? 0));
}

const commentAt = (lines: WireQuoteLine[], keep: (sequence: number) => boolean) =>
  lines
    .filter((l) => l.lineType === 'Comment' && keep(l.sequence))
    .sort((a, b) => a.sequence - b.sequence)
    .map((l) => l.description ?? '');

export function offerFromWire(w: WireQuote, localCurrency: string): Offer {
  const lines = w.salesQuoteLines ?? [];
  const customerNumber = orNull(w.customerNumber);
  return {
    number: w.number,
    reference: referenceFromWire(w.externalDocumentNumber),
    customer: customerNumber ? { number: customerNumber, name: w.customerName ?? '' } : null,
    sellerNumber: orNull(w.salesperson),
    customerReference: orNull(commentAt(lines, (s) => s === REFERENCE_SEQUENCE).join('')),
    date: dateOnly(w.documentDate),
    validUntil: dateOnly(w.validUntilDate),
    note: orNull(commentAt(lines, (s) => s >= NOTE_SEQUENCE && s < POSITION_STEP).join('')),
    lines: lines
      .flatMap((line, i) => (line.lineType === 'Item' ? [offerLineFromWire(line, linePosition(line) ?? i + 1)] : []))
      .sort((a, b) => a.position - b.position),
    totals: { net: money(w.totalAmountExcludingTax), vat: money(w.totalTaxAmount), gross: money(w.totalAmountIncludingTax), currency: orNull(w.currencyCode) ?? localCurrency },
  };
}

/**
 * The quote's own fields that differ from the draft's. A new customer brings BC's defaults for
 * it (salesperson, validity, currency), so with it every field is sent again, after it.
 */
export function headerChanges(w: WireQuote, draft: OfferDraft, localCurrency: string): Partial<WireQuote> {
  const wanted = quoteHeaderToWire(draft, localCurrency);
  const held: Record<string, unknown> = {
    customerNumber: w.customerNumber ?? '',
    externalDocumentNumber: w.externalDocumentNumber ?? '',
    documentDate: dateOnly(w.documentDate),
    validUntilDate: w.validUntilDate ? w.validUntilDate.slice(0, 10) : NO_DATE,
    salesperson: w.salesperson ?? '',
    currencyCode: w.currencyCode ?? '',
  };
  if (held.customerNumber !== wanted.customerNumber) return wanted;
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => held[key] !== value));
}
