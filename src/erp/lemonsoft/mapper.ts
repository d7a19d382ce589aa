import { normalizeBusinessId, vatNumberOf } from '../../domain/business-id.js';
import type { Customer } from '../../domain/customer.js';
import { decimalFromNumber, subtract, toCents, type DecimalString } from '../../domain/money.js';
import type { Offer, OfferDraft, OfferLine } from '../../domain/offer.js';
import type { Person } from '../../domain/person.js';
import type { PriceRule } from '../../domain/price-rule.js';
import type { Product, UnitConversion } from '../../domain/product.js';
import type { WireCustomer, WireOffer, WireOfferRow, WirePerson, WirePricelist, WirePricelistRow, WireProduct } from './wire.js';

/**
 * The one module that translates between Lemonsoft's fields and the domain, both ways: the
 * adapter reads with the `from` functions and writes offers with the `to` ones; the simulator
 * stores the demo data through the `to` ones.
 */

const DEFAULT_CURRENCY = 'EUR';

const orNull = (value: string | null | undefined): string | null => (value === undefined || value === null || value.trim() === '' ? null : value);
const numberOrNull = (value: string | null): number | null => (value === null ? null : Number(value));
const dateOnly = (value: string | null | undefined): string => (value ?? '').slice(0, 10);

function domainOf(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  return at > 0 ? email!.slice(at + 1).toLowerCase() : null;
}

/** Every address on the customer card: its own and its contacts'. */
export function customerEmails(w: WireCustomer): string[] {
  return [w.email, ...(w.contacts ?? []).map((c) => c.email)].filter((e): e is string => !!orNull(e)).map((e) => e.toLowerCase());
}

export function customerFromWire(w: WireCustomer): Customer {
  const businessId = w.vat ? normalizeBusinessId(w.vat) : null;
  return {
    number: String(w.number),
    name: w.name,
    businessId,
    vat: businessId ? vatNumberOf(businessId) : orNull(w.vat),
    email: orNull(w.email),
    domains: [...new Set(customerEmails(w).map(domainOf).filter((d): d is string => d !== null))],
    sellerNumber: w.seller_number === null || w.seller_number === undefined ? null : String(w.seller_number),
    // Lemonsoft prices for the customer itself; no price list name travels with the customer.
    pricelist: null,
    address: { street: orNull(w.street), postalCode: orNull(w.postal_code), city: orNull(w.city), country: orNull(w.country) },
  };
}

/**
 * A domain the customer uses beyond its main address becomes a contact at that domain, which
 * is where a Lemonsoft user keeps it.
 */
export function customerToWire(c: Customer, id: number): WireCustomer {
  const mainDomain = domainOf(c.email);
  const localPart = c.email ? c.email.slice(0, c.email.lastIndexOf('@')) : 'info';
  return {
    id,
    number: Number(c.number),
    name: c.name,
    email: c.email ?? '',
    vat: c.vat ?? c.businessId ?? '',
    street: c.address.street ?? '',
    postal_code: c.address.postalCode ?? '',
    city: c.address.city ?? '',
    country: c.address.country ?? '',
    seller_number: numberOrNull(c.sellerNumber),
    is_nonactive: false,
    contacts: c.domains.filter((d) => d !== mainDomain).map((d) => ({ customer_id: id, name: c.name, email: `${localPart}@${d}`, phone: null })),
  };
}

export function personFromWire(w: WirePerson): Person {
  return { number: String(w.number), name: w.name ?? '', email: w.email ?? '', phone: orNull(w.phone ?? w.gsm), role: orNull(w.role?.toString()), language: orNull(w.language_code)?.toLowerCase() ?? null };
}

/** In the schema's shape: a person's phone is its `gsm`, and the schema's person has no role. */
export function personToWire(p: Person): WirePerson {
  return { number: Number(p.number), name: p.name, email: p.email, gsm: p.phone, language_code: p.language };
}

/** A product that is inactive or not for sale is not offered. */
export function isOffered(w: WireProduct): boolean {
  return w.is_inactive !== true && w.is_sellable !== false;
}

/** Only the product's own `units[]` that say how many stock units they are; the rest say nothing usable. */
function unitsFromWire(w: WireProduct): UnitConversion[] {
  const stock = w.stock_unit ?? '';
  return (w.units ?? []).flatMap((u) => {
    const unit = orNull(u.unit);
    return unit && u.multiplier && u.multiplier > 0 && unit !== stock ? [{ unit, quantity: decimalFromNumber(u.multiplier), of: stock }] : [];
  });
}

/** The simulator's side: a conversion into the stock unit as Lemonsoft lists it, either way round. */
function unitToWire(stock: string): (c: UnitConversion) => { unit: string; multiplier: number }[] {
  return (c) => {
    if (c.of === stock) return [{ unit: c.unit, multiplier: Number(c.quantity) }];
    if (c.unit === stock) return [{ unit: c.of, multiplier: 1 / Number(c.quantity) }];
    return [];
  };
}

export function productFromWire(w: WireProduct, taxRates: Record<string, string>): Product {
  const taxCode = w.taxrate_code === null || w.taxrate_code === undefined ? null : String(w.taxrate_code);
  const vatRate = taxCode === null ? undefined : taxRates[taxCode];
  if (taxCode !== null && vatRate === undefined) {
    throw new Error(`product ${w.sku}: taxrate_code ${taxCode} is not in the tax rate table (erp.settings.taxRates)`);
  }
  return {
    sku: w.sku,
    name: w.name ?? w.sku,
    extraName: orNull(w.extra_name),
    ean: orNull(w.ean_code),
    supplierCodes: (w.suppliers ?? []).map((s) => orNull(s.code)).filter((c): c is string => c !== null),
    unit: w.stock_unit ?? '',
    units: unitsFromWire(w),
    listPrice: decimalFromNumber(w.sales_price_taxless ?? w.price ?? 0),
    vatRate: vatRate ?? '25.5',
    group: w.group_code === null || w.group_code === undefined ? null : String(w.group_code),
  };
}

export function productToWire(p: Product, id: number, taxRateCode: number, modified: string): WireProduct {
  return {
    id,
    sku: p.sku,
    name: p.name,
    extra_name: p.extraName ?? '',
    ean_code: p.ean ?? '',
    price: Number(p.listPrice),
    sales_price_taxless: Number(p.listPrice),
    stock_unit: p.unit,
    units: p.units.flatMap(unitToWire(p.unit)),
    taxrate_code: taxRateCode,
    group_code: p.group !== null && /^\d+$/.test(p.group) ? Number(p.group) : p.group,
    is_inactive: false,
    is_sellable: true,
    suppliers: p.supplierCodes.map((code) => ({ code })),
    modified,
  };
}

/**
 * The rows the price endpoint gives for one customer, product and date, as rules for the
 * domain's pricing: a price is a net price, a discount is off the list price; `amount` is the
 * quantity from which the row applies.
 */
export function priceRulesFromWire(rows: WirePricelistRow[], pricelist: string): PriceRule[] {
  return rows.flatMap((row): PriceRule[] => {
    const target: PriceRule['target'] = row.is_product_group ? { kind: 'group', group: row.code } : { kind: 'sku', sku: row.code };
    const minQty = decimalFromNumber(row.amount && row.amount > 0 ? row.amount : 1);
    const base = { pricelist, target, minQty, validFrom: null, validTo: null };
    if (row.price !== null && row.price !== undefined && row.price > 0) return [{ ...base, adjustment: { kind: 'net', price: decimalFromNumber(row.price) } }];
    if (row.discount !== null && row.discount !== undefined) return [{ ...base, adjustment: { kind: 'discount', percent: decimalFromNumber(row.discount) } }];
    return [];
  });
}

/** A whole price list's rules for one product: its own rows and its group's, valid as the list is. */
export function pricelistRulesFromWire(list: WirePricelist, product: Product): PriceRule[] {
  const rows = (list.products ?? []).filter((row) => (row.is_product_group ? row.code === product.group : row.code === product.sku));
  const validFrom = orNull(list.start_datetime)?.slice(0, 10) ?? null;
  const validTo = orNull(list.end_datetime)?.slice(0, 10) ?? null;
  return priceRulesFromWire(rows, String(list.id)).map((rule) => ({ ...rule, validFrom, validTo }));
}

export function priceRuleToWire(rule: PriceRule): WirePricelistRow {
  const code = rule.target.kind === 'sku' ? rule.target.sku : rule.target.group;
  const adjustment = rule.adjustment.kind === 'net' ? { price: Number(rule.adjustment.price), discount: 0 } : { price: 0, discount: Number(rule.adjustment.percent) };
  return { code, ...adjustment, amount: Number(rule.minQty), is_product_group: rule.target.kind === 'group' };
}

/** Step 2 of creation: the header, carrying our reference so that a retry finds the offer. */
export function offerHeaderToWire(number: number, draft: OfferDraft, customer: Customer | null): WireOffer {
  return {
    offer_number: number,
    offer_customer_number: draft.customer ? Number(draft.customer.number) : null,
    offer_customer_name1: draft.customer?.name ?? '',
    offer_customer_address1: customer?.address.street ?? '',
    offer_customer_address2: [customer?.address.postalCode, customer?.address.city].filter(Boolean).join(' '),
    offer_customer_country: customer?.address.country ?? '',
    offer_customer_reference: draft.customerReference ?? '',
    offer_our_reference: draft.reference,
    person_seller_number: numberOrNull(draft.sellerNumber),
    offer_date: draft.date,
    offer_valid_date: draft.validUntil,
    offer_note: draft.note ?? '',
    currency_code: draft.totals.currency,
  };
}

/** Positions travel as text, which is what lets a resumed creation see which rows exist. */
export function offerRowToWire(line: OfferLine): WireOfferRow {
  return {
    product_code: line.sku,
    product_name: line.name,
    quantity: Number(line.quantity),
    unit: line.unit,
    unit_price: Number(line.unitPrice),
    discount: Number(line.discountPercent),
    total: Number(line.lineTotal),
    tax_rate: Number(line.vatRate),
    note: line.note ?? '',
    position: String(line.position),
  };
}

/** A field a stored row leaves out reads as what an empty one is sent as. */
const storedOrBlank = (stored: unknown, sent: unknown) => stored ?? (typeof sent === 'number' ? 0 : '');

/** Whether a stored row already says what `line` is sent as; fields Offerflow never writes do not count. */
export function sameRow(row: WireOfferRow, line: OfferLine): boolean {
  const sent = offerRowToWire(line);
  const fields = Object.keys(sent).filter((key) => key !== 'position') as (keyof WireOfferRow)[];
  return rowPosition(row) === line.position && fields.every((key) => storedOrBlank(row[key], sent[key]) === sent[key]);
}

export function rowPosition(row: WireOfferRow): number | null {
  const position = Number(row.position);
  return Number.isInteger(position) && position > 0 ? position : null;
}

function offerLineFromWire(row: WireOfferRow, index: number): OfferLine {
  return {
    position: rowPosition(row) ?? index + 1,
    sku: row.product_code ?? '',
    name: row.product_name ?? '',
    quantity: decimalFromNumber(row.quantity),
    unit: row.unit ?? '',
    unitPrice: decimalFromNumber(row.unit_price),
    discountPercent: decimalFromNumber(row.discount ?? 0),
    vatRate: decimalFromNumber(row.tax_rate ?? 0),
    lineTotal: toCents(decimalFromNumber(row.total)),
    note: orNull(row.note),
  };
}

/** Totals are whole cents, whatever float the JSON carried. */
function money(value: number | null | undefined): DecimalString {
  return toCents(decimalFromNumber(value ?? 0));
}

export function offerFromWire(w: WireOffer): Offer {
  const net = money(w.tot_without_tax);
  const gross = money(w.offer_totalsum);
  const customer = w.offer_customer_number ? { number: String(w.offer_customer_number), name: w.offer_customer_name1 ?? '' } : null;
  return {
    number: String(w.offer_number),
    reference: w.offer_our_reference ?? '',
    customer,
    sellerNumber: w.person_seller_number ? String(w.person_seller_number) : null,
    customerReference: orNull(w.offer_customer_reference),
    date: dateOnly(w.offer_date),
    validUntil: dateOnly(w.offer_valid_date),
    note: orNull(w.offer_note),
    lines: (w.offer_rows ?? []).map(offerLineFromWire).sort((a, b) => a.position - b.position),
    totals: { net, vat: toCents(subtract(gross, net)), gross, currency: w.currency_code ?? DEFAULT_CURRENCY },
  };
}
