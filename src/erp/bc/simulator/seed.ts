import { createHash } from 'node:crypto';
import type { Customer } from '../../../domain/customer.js';
import type { MasterData } from '../../../domain/master-data.js';
import type { Person } from '../../../domain/person.js';
import type { Product } from '../../../domain/product.js';
import { BLANK_ENUM_MEMBER, BLANK_GUID } from './entities.js';
import { PRICE_LIST_LINES, priceGroupCodes, priceListLineOf } from './price-lists.js';
import type { Doc, NewRecord } from './store.js';

/** The one company the simulator holds. */
export const BC_SIM_COMPANY_NAME = 'CRONUS Demo';
/** The company's local currency: BC answers a blank currency code as this. */
export const BC_SIM_LOCAL_CURRENCY = 'EUR';

/** A GUID that is the same on every seeding, so that a demo reseeded from scratch keeps its ids. */
function stableGuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * BC's Code fields are upper case and of fixed length. A code is a key, and one cut short could
 * collide with another, so demo data that does not fit is an error; a name cut short still reads.
 */
function codeOf(value: string, length: number, what: string): string {
  if (value.length > length) throw new Error(`${what} '${value}' is longer than BC's ${length} characters`);
  return value.toUpperCase();
}

function textOf(value: string | null, length: number): string {
  return (value ?? '').slice(0, length);
}

/**
 * A Finnish company's VAT registration number is FI and its business id without the hyphen;
 * that is what BC's "VAT Registration No." holds when the demo gives only the business id.
 */
function vatNumberOf(customer: Customer): string {
  if (customer.vat) return customer.vat;
  return customer.businessId ? `FI${customer.businessId.replace('-', '')}` : '';
}

export interface BcSeed {
  companyId: string;
  records: NewRecord[];
}

function company(id: string, now: string): Doc {
  return {
    id,
    systemVersion: '27.0.0.0',
    timestamp: 1,
    name: BC_SIM_COMPANY_NAME,
    displayName: BC_SIM_COMPANY_NAME,
    businessProfileId: '',
    systemCreatedAt: now,
    systemCreatedBy: BLANK_GUID,
    systemModifiedAt: now,
    systemModifiedBy: BLANK_GUID,
  };
}

function salesperson(person: Person, now: string): Doc {
  return {
    id: stableGuid('salesperson', person.number),
    code: codeOf(person.number, 20, 'person number'),
    displayName: textOf(person.name, 50),
    email: textOf(person.email, 80),
    email2: '',
    phoneNo: textOf(person.phone, 30),
    jobTitle: textOf(person.role, 30),
    commisionPercent: 0,
    privacyBlocked: false,
    blocked: false,
    lastModifiedDateTime: now,
  };
}

function customer(c: Customer, now: string): Doc {
  return {
    id: stableGuid('customer', c.number),
    number: codeOf(c.number, 20, 'customer number'),
    displayName: textOf(c.name, 100),
    type: 'Company',
    addressLine1: textOf(c.address.street, 100),
    addressLine2: '',
    city: textOf(c.address.city, 30),
    state: '',
    country: (c.address.country ?? '').toUpperCase(),
    postalCode: (c.address.postalCode ?? '').toUpperCase(),
    phoneNumber: '',
    email: textOf(c.email, 80),
    // BC has one email per customer; a second domain the customer writes from is its website.
    website: c.domains.find((d) => !c.email?.toLowerCase().endsWith(`@${d}`)) ?? '',
    salespersonCode: c.sellerNumber ? codeOf(c.sellerNumber, 20, 'seller number') : '',
    balanceDue: 0,
    creditLimit: 0,
    taxLiable: false,
    taxAreaId: BLANK_GUID,
    taxAreaDisplayName: '',
    taxRegistrationNumber: vatNumberOf(c),
    currencyId: BLANK_GUID,
    currencyCode: BC_SIM_LOCAL_CURRENCY,
    paymentTermsId: BLANK_GUID,
    shipmentMethodId: BLANK_GUID,
    paymentMethodId: BLANK_GUID,
    blocked: BLANK_ENUM_MEMBER,
    lastModifiedDateTime: now,
  };
}

function item(p: Product, now: string): Doc {
  const category = p.group === null ? '' : codeOf(p.group, 20, 'product group');
  const unit = codeOf(p.unit, 10, 'unit');
  return {
    id: stableGuid('item', p.sku),
    number: codeOf(p.sku, 20, 'SKU'),
    displayName: textOf(p.name, 100),
    displayName2: textOf(p.extraName, 50),
    type: 'Inventory',
    itemCategoryId: category ? stableGuid('itemCategory', category) : BLANK_GUID,
    itemCategoryCode: category,
    blocked: false,
    gtin: p.ean ?? '',
    inventory: 0,
    unitPrice: Number(p.listPrice),
    priceIncludesTax: false,
    unitCost: 0,
    taxGroupId: BLANK_GUID,
    taxGroupCode: '',
    baseUnitOfMeasureId: stableGuid('unitOfMeasure', unit),
    baseUnitOfMeasureCode: unit,
    generalProductPostingGroupId: BLANK_GUID,
    generalProductPostingGroupCode: '',
    inventoryPostingGroupId: BLANK_GUID,
    inventoryPostingGroupCode: '',
    lastModifiedDateTime: now,
  };
}

/** The VAT product posting group BC would hold for a VAT rate; a quote line's `taxCode`. */
export const vatGroupOf = (rate: number) => `VAT${rate}`;

/**
 * The demo's master data as one BC company. A customer's price list is its customer price
 * group and a product's group its item discount group, which BC keeps on the records but the
 * API pages do not show; each price rule is a price list line, which API v2.0 does not serve
 * either, and by which the simulator prices a quote line sent without a price, as BC does.
 */
export function bcSeed(data: MasterData, now: string): BcSeed {
  const companyId = stableGuid('company', BC_SIM_COMPANY_NAME);
  const of = (set: string, doc: Doc, hidden?: Record<string, unknown>): NewRecord => ({ set, companyId, doc, hidden });
  const groups = priceGroupCodes([...data.customers.flatMap((c) => (c.pricelist ? [c.pricelist] : [])), ...data.priceRules.map((r) => r.pricelist)]);
  const groupOf = (pricelist: string | null) => (pricelist ? groups.get(pricelist)! : '');
  return {
    companyId,
    records: [
      of('companies', company(companyId, now)),
      ...data.persons.map((p) => of('salespeoplePurchasers', salesperson(p, now))),
      ...data.customers.map((c) => of('customers', customer(c, now), { priceGroup: groupOf(c.pricelist) })),
      ...data.products.map((p) => of('items', item(p, now), { vatPercent: Number(p.vatRate), discountGroup: (p.group ?? '').toUpperCase() })),
      ...data.priceRules.map((rule, i) => {
        const line = priceListLineOf(rule, groupOf(rule.pricelist), stableGuid('priceListLine', String(i)));
        return of(PRICE_LIST_LINES, { ...line });
      }),
    ],
  };
}
