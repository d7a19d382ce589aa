import type { Customer } from '../../domain/customer.js';
import type { Offer, OfferDraft, OfferLine } from '../../domain/offer.js';
import type { Person } from '../../domain/person.js';
import type { PriceRule } from '../../domain/price-rule.js';
import { normalizeCode } from '../../domain/product-code.js';
import type { Product } from '../../domain/product.js';
import { formatConversions, parseConversions } from '../../domain/sales-units.js';
import type { Insertable, Selectable } from 'kysely';
import type {
  CustomerTable,
  OfferRowTable,
  OfferTable,
  PersonTable,
  PriceRuleTable,
  ProductTable,
} from './schema.js';

/** The one place that translates between the local ERP's rows and the domain. */

const LIST_SEPARATOR = '|';

export function customerToRow(c: Customer): Insertable<CustomerTable> {
  return {
    number: c.number,
    name: c.name,
    business_id: c.businessId,
    vat: c.vat,
    email: c.email,
    email_lower: c.email?.toLowerCase() ?? null,
    seller_number: c.sellerNumber,
    pricelist: c.pricelist,
    street: c.address.street,
    postal_code: c.address.postalCode,
    city: c.address.city,
    country: c.address.country,
  };
}

export function customerFromRow(row: Selectable<CustomerTable>, domains: string[]): Customer {
  return {
    number: row.number,
    name: row.name,
    businessId: row.business_id,
    vat: row.vat,
    email: row.email,
    domains,
    sellerNumber: row.seller_number,
    pricelist: row.pricelist,
    address: { street: row.street, postalCode: row.postal_code, city: row.city, country: row.country },
  };
}

export function personToRow(p: Person): Insertable<PersonTable> {
  return { number: p.number, name: p.name, email: p.email, email_lower: p.email.toLowerCase(), phone: p.phone, role: p.role, language: p.language };
}

export function personFromRow(row: Selectable<PersonTable>): Person {
  return { number: row.number, name: row.name, email: row.email, phone: row.phone, role: row.role, language: row.language };
}

export function productToRow(p: Product, modifiedAt: string): Insertable<ProductTable> {
  return {
    sku: p.sku,
    name: p.name,
    extra_name: p.extraName,
    ean: p.ean,
    supplier_codes: p.supplierCodes.join(LIST_SEPARATOR),
    unit: p.unit,
    units: p.units.length ? formatConversions(p.units) : null,
    list_price: p.listPrice,
    vat_rate: p.vatRate,
    group_code: p.group,
    modified_at: modifiedAt,
  };
}

/** Every code a product can be asked for by, normalised for exact lookup. */
export function productCodes(p: Product): string[] {
  return [...new Set([p.sku, p.ean, ...p.supplierCodes].filter((c): c is string => !!c).map(normalizeCode))];
}

export function productFromRow(row: Selectable<ProductTable>): Product {
  return {
    sku: row.sku,
    name: row.name,
    extraName: row.extra_name,
    ean: row.ean,
    supplierCodes: row.supplier_codes ? row.supplier_codes.split(LIST_SEPARATOR) : [],
    unit: row.unit,
    units: row.units ? (parseConversions(row.units) ?? []) : [],
    listPrice: row.list_price,
    vatRate: row.vat_rate,
    group: row.group_code,
  };
}

/** Re-importing the same price-list row (same target, quantity break and start) updates it. */
function priceRuleKey(r: PriceRule): string {
  const target = r.target.kind === 'sku' ? `sku:${r.target.sku}` : `group:${r.target.group}`;
  return [r.pricelist, target, r.minQty, r.validFrom ?? ''].join('\u001f');
}

export function priceRuleToRow(r: PriceRule): Insertable<PriceRuleTable> {
  return {
    rule_key: priceRuleKey(r),
    pricelist: r.pricelist,
    sku: r.target.kind === 'sku' ? r.target.sku : null,
    group_code: r.target.kind === 'group' ? r.target.group : null,
    price: r.adjustment.kind === 'net' ? r.adjustment.price : null,
    discount: r.adjustment.kind === 'discount' ? r.adjustment.percent : null,
    min_qty: r.minQty,
    valid_from: r.validFrom,
    valid_to: r.validTo,
  };
}

export function priceRuleFromRow(row: Selectable<PriceRuleTable>): PriceRule {
  return {
    pricelist: row.pricelist,
    target: row.sku !== null ? { kind: 'sku', sku: row.sku } : { kind: 'group', group: row.group_code ?? '' },
    adjustment: row.price !== null ? { kind: 'net', price: row.price } : { kind: 'discount', percent: row.discount ?? '0' },
    minQty: row.min_qty,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

export function offerToRow(number: number, d: OfferDraft): Insertable<OfferTable> {
  return {
    number,
    reference: d.reference,
    customer_number: d.customer?.number ?? null,
    customer_name: d.customer?.name ?? null,
    seller_number: d.sellerNumber,
    customer_reference: d.customerReference,
    offer_date: d.date,
    valid_until: d.validUntil,
    note: d.note,
    currency: d.totals.currency,
    net: d.totals.net,
    vat: d.totals.vat,
    gross: d.totals.gross,
  };
}

export function offerRowToRow(offerNumber: number, l: OfferLine): Insertable<OfferRowTable> {
  return {
    offer_number: offerNumber,
    position: l.position,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    unit: l.unit,
    unit_price: l.unitPrice,
    discount_percent: l.discountPercent,
    vat_rate: l.vatRate,
    line_total: l.lineTotal,
    note: l.note,
  };
}

export function offerFromRows(header: Selectable<OfferTable>, rows: Selectable<OfferRowTable>[]): Offer {
  return {
    number: String(header.number),
    reference: header.reference,
    customer:
      header.customer_number !== null ? { number: header.customer_number, name: header.customer_name ?? '' } : null,
    sellerNumber: header.seller_number,
    customerReference: header.customer_reference,
    date: header.offer_date,
    validUntil: header.valid_until,
    note: header.note,
    totals: { net: header.net, vat: header.vat, gross: header.gross, currency: header.currency },
    lines: rows
      .sort((a, b) => a.position - b.position)
      .map((r) => ({
        position: r.position,
        sku: r.sku,
        name: r.name,
        quantity: r.quantity,
        unit: r.unit,
        unitPrice: r.unit_price,
        discountPercent: r.discount_percent,
        vatRate: r.vat_rate,
        lineTotal: r.line_total,
        note: r.note,
      })),
  };
}
