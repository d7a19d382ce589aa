import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import { decimalFromNumber, toCents, type DecimalString } from '../../domain/money.js';
import type { Offer, OfferDraft, OfferLine } from '../../domain/offer.js';
import type { Person } from '../../domain/person.js';
import type { Product } from '../../domain/product.js';
import type { WireCustomer, WireItem, WireQuote, WireQuoteLine, WireSalesperson } from './wire.js';

/**
 * The one module that translates between Business Central's fields and the domain, both ways:
 * the adapter reads with the `from` functions and writes quotes with the `to` ones.
 *
 * What API v2.0 has no field for is said where it is decided: a customer's second domain is its
 * website; an item's supplier codes, unit conversions and VAT rate are not exposed (BC keeps
 * them in Item Reference, Item Unit of Measure and the VAT posting setup, which v2.0 has no
 * page for); a quote has no field
 * for the customer's reference or a note, so they travel as comment lines (see `quoteLinesToWire`).
 */

const orNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);
/** BC's empty date. */
const NO_DATE = '0001-01-01';
const dateOnly = (value: string | null | undefined): string => {
  const date = (value ?? '').slice(0, 10);
  return date === NO_DATE ? '' : date;
};

/** BC keeps unit codes upper-cased; Offerflow's units are the lower-case abbreviations people write ("kpl", "m"). */
const unitFromWire = (code: string | null | undefined): string => (code ?? '').toLowerCase();

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

/** A customer blocked for everything cannot be offered to (one blocked for shipping or invoicing still can), and the prospects' customer is no one's. */
export function isOfferableCustomer(w: WireCustomer, prospect: Prospect): boolean {
  return w.blocked !== 'All' && w.number !== prospect;
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

/** A blocked salesperson cannot be put on a quote. */
export function isActiveSalesperson(w: WireSalesperson): boolean {
  return w.blocked !== true;
}

/** A salesperson's job title stands for the role; BC keeps no language for one. */
export function personFromWire(w: WireSalesperson): Person {
  return { number: w.code, name: w.displayName ?? '', email: w.email ?? '', phone: orNull(w.phoneNo), role: orNull(w.jobTitle), language: null };
}

export function isOffered(w: WireItem): boolean {
  return w.blocked !== true;
}

/** API v2.0 gives no item's VAT rate, so every product carries the one the settings give. */
export function productFromWire(w: WireItem, vatRate: string): Product {
  return {
    sku: w.number,
    name: w.displayName ?? w.number,
    extraName: orNull(w.displayName2),
    ean: orNull(w.gtin),
    supplierCodes: [],
    unit: unitFromWire(w.baseUnitOfMeasureCode),
    units: [],
    listPrice: decimalFromNumber(w.unitPrice ?? 0),
    vatRate,
    group: orNull(w.itemCategoryCode),
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

/**
 * The externalDocumentNumber of the scratch quotes Business Central is asked for prices by
 * (see `BcPricingService`): no offer reference begins so, and no such quote is an offer.
 */
export const PRICING_MARKER = 'OFFERFLOW-PRICING-';
export const isPricingScratch = (w: Pick<WireQuote, 'externalDocumentNumber'>): boolean => (w.externalDocumentNumber ?? '').startsWith(PRICING_MARKER);

/**
 * A BC quote needs a customer: an offer for a sender Offerflow does not know goes to the
 * customer the company keeps for prospects, if it named one, and reads back as having none.
 */
export type Prospect = string | null;

/**
 * The quote's own fields, in the order BC validates them: the customer first, since it brings
 * defaults (salesperson, addresses) that what follows overrides. The API shows the company's
 * local currency by its code and takes it so, so the draft's currency is sent as it is.
 */
export function quoteHeaderToWire(draft: OfferDraft, prospect: Prospect): Partial<WireQuote> {
  return {
    customerNumber: draft.customer?.number ?? prospect ?? '',
    externalDocumentNumber: referenceToWire(draft.reference),
    documentDate: draft.date,
    validUntilDate: draft.validUntil || NO_DATE,
    salesperson: draft.sellerNumber ?? '',
    currencyCode: draft.totals.currency,
  };
}

/** A quote line as Offerflow writes it: what a POST sends, and what a PATCH may change. */
export interface QuoteLineBody {
  sequence: number;
  lineType: 'Item' | 'Comment';
  lineObjectNumber?: string;
  description: string;
  unitOfMeasureCode?: string;
  quantity?: number;
  unitPrice?: number;
  discountPercent?: number;
}

/**
 * Where each line sits, by BC's `sequence` (its Line No.), which a POST may set and nothing
 * changes afterwards: the customer's reference at 1, the note's pieces from 2, the item at
 * position p at p × 10000 (BC's own spacing) and that line's note in comment lines right after
 * it. A quote line has one Text[100] description and no other text, so texts longer than that
 * are cut into pieces, one comment line each.
 */
const REFERENCE_SEQUENCE = 1;
const NOTE_SEQUENCE = 2;
const POSITION_STEP = 10_000;
const DESCRIPTION_LENGTH = 100;

export const sequenceOf = (position: number): number => position * POSITION_STEP;

/** The position an item line or its note belongs to; 0 for the offer's own texts. */
const positionOf = (sequence: number): number => Math.floor(sequence / POSITION_STEP);

function pieces(text: string | null): string[] {
  const result: string[] = [];
  for (let at = 0; at < (text ?? '').length; at += DESCRIPTION_LENGTH) result.push(text!.slice(at, at + DESCRIPTION_LENGTH));
  return result;
}

const comment = (sequence: number, description: string): QuoteLineBody => ({ sequence, lineType: 'Comment', description });
const comments = (first: number, text: string | null) => pieces(text).map((piece, i) => comment(first + i, piece));

/**
 * The price is ours, sent after the quantity: validating `quantity` runs BC's price
 * calculation, and a price validated after it stands. Letting BC price the line instead would
 * store BC's price, which may not be the one in the offer the workflow built and the
 * salesperson approved; Offerflow's pricing has already asked BC what it knows.
 */
function itemLineToWire(line: OfferLine): QuoteLineBody[] {
  const sequence = sequenceOf(line.position);
  return [
    {
      sequence,
      lineType: 'Item',
      lineObjectNumber: line.sku,
      description: line.name.slice(0, DESCRIPTION_LENGTH),
      unitOfMeasureCode: line.unit,
      quantity: Number(line.quantity),
      unitPrice: Number(line.unitPrice),
      discountPercent: Number(line.discountPercent),
    },
    ...comments(sequence + 1, line.note),
  ];
}

/** Every line the quote of this draft holds, in sequence. */
export function quoteLinesToWire(draft: OfferDraft): QuoteLineBody[] {
  return [...(draft.customerReference ? [comment(REFERENCE_SEQUENCE, draft.customerReference.slice(0, DESCRIPTION_LENGTH))] : []), ...comments(NOTE_SEQUENCE, draft.note), ...draft.lines.flatMap(itemLineToWire)];
}

/** Fields a line cannot change once inserted: a line that differs in them is deleted and added again. */
export function sameLineKind(held: WireQuoteLine, wanted: QuoteLineBody): boolean {
  return held.sequence === wanted.sequence && held.lineType === wanted.lineType && (wanted.lineObjectNumber ?? '').toUpperCase() === (held.lineObjectNumber ?? '');
}

/** What a PATCH would have to change on a line of the same kind; empty when it says what is wanted. */
export function lineChanges(held: WireQuoteLine, wanted: QuoteLineBody): Partial<QuoteLineBody> {
  const changes: Partial<QuoteLineBody> = {};
  if ((held.description ?? '') !== wanted.description) changes.description = wanted.description;
  if (wanted.lineType === 'Comment') return changes;
  if (unitFromWire(held.unitOfMeasureCode) !== unitFromWire(wanted.unitOfMeasureCode)) changes.unitOfMeasureCode = wanted.unitOfMeasureCode;
  // Quantity before price and discount, as in a POST: a new quantity reprices the line and finds its line discount again.
  const repriced = (held.quantity ?? 0) !== wanted.quantity || (held.unitPrice ?? 0) !== wanted.unitPrice;
  if (repriced) {
    changes.quantity = wanted.quantity;
    changes.unitPrice = wanted.unitPrice;
  }
  if (repriced || (held.discountPercent ?? 0) !== wanted.discountPercent) changes.discountPercent = wanted.discountPercent;
  return changes;
}

/** Totals are whole cents, whatever float the JSON carried. */
function money(value: number | null | undefined): DecimalString {
  return toCents(decimalFromNumber(value ?? 0));
}

const textOf = (lines: WireQuoteLine[]): string | null => orNull(lines.map((l) => l.description ?? '').join(''));

function offerLineFromWire(line: WireQuoteLine, note: string | null): OfferLine {
  return {
    position: positionOf(line.sequence),
    sku: line.lineObjectNumber ?? '',
    name: line.description ?? '',
    quantity: decimalFromNumber(line.quantity ?? 0),
    unit: unitFromWire(line.unitOfMeasureCode),
    unitPrice: decimalFromNumber(line.unitPrice ?? 0),
    discountPercent: decimalFromNumber(line.discountPercent ?? 0),
    vatRate: decimalFromNumber(line.taxPercent ?? 0),
    lineTotal: money(line.amountExcludingTax),
    note,
  };
}

/** An item line is Offerflow's when it sits at a whole position; its note is the comment lines after it. */
function offerLinesFromWire(lines: WireQuoteLine[]): OfferLine[] {
  const items = lines.filter((l) => l.lineType === 'Item' && l.sequence % POSITION_STEP === 0);
  const notes = (sequence: number) => lines.filter((l) => l.lineType === 'Comment' && l.sequence > sequence && l.sequence < sequence + POSITION_STEP);
  return items.map((item) => offerLineFromWire(item, textOf(notes(item.sequence)))).sort((a, b) => a.position - b.position);
}

const DEFAULT_CURRENCY = 'EUR';

export function offerFromWire(w: WireQuote, prospect: Prospect): Offer {
  const lines = [...(w.salesQuoteLines ?? [])].sort((a, b) => a.sequence - b.sequence);
  const customerNumber = w.customerNumber === prospect ? null : orNull(w.customerNumber);
  const ownTexts = lines.filter((l) => l.lineType === 'Comment' && l.sequence < POSITION_STEP);
  return {
    number: w.number,
    reference: referenceFromWire(w.externalDocumentNumber),
    customer: customerNumber ? { number: customerNumber, name: w.customerName ?? '' } : null,
    sellerNumber: orNull(w.salesperson),
    customerReference: textOf(ownTexts.filter((l) => l.sequence === REFERENCE_SEQUENCE)),
    date: dateOnly(w.documentDate),
    validUntil: dateOnly(w.validUntilDate),
    note: textOf(ownTexts.filter((l) => l.sequence >= NOTE_SEQUENCE)),
    lines: offerLinesFromWire(lines),
    totals: { net: money(w.totalAmountExcludingTax), vat: money(w.totalTaxAmount), gross: money(w.totalAmountIncludingTax), currency: orNull(w.currencyCode) ?? DEFAULT_CURRENCY },
  };
}

/**
 * The quote's own fields that differ from the draft's. A new customer brings BC's defaults for
 * it (salesperson, addresses), so with it every field is sent again, after it.
 */
export function headerChanges(w: WireQuote, draft: OfferDraft, prospect: Prospect): Partial<WireQuote> {
  const wanted = quoteHeaderToWire(draft, prospect);
  const held: Record<string, unknown> = {
    customerNumber: w.customerNumber ?? '',
    externalDocumentNumber: w.externalDocumentNumber ?? '',
    documentDate: (w.documentDate ?? '').slice(0, 10),
    validUntilDate: (w.validUntilDate ?? '').slice(0, 10) || NO_DATE,
    salesperson: w.salesperson ?? '',
    currencyCode: orNull(w.currencyCode) ?? DEFAULT_CURRENCY,
  };
  if (held.customerNumber !== wanted.customerNumber) return wanted;
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => held[key] !== value));
}
