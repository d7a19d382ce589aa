import { z } from 'zod';
import { vatNumberOf } from '../domain/business-id.js';
import type { Customer } from '../domain/customer.js';
import type { Person } from '../domain/person.js';
import type { PriceRule } from '../domain/price-rule.js';
import { DEFAULT_VAT_RATE, type Product } from '../domain/product.js';
import type { MasterDataBatch } from '../erp/local/master-data.js';
import type { CustomerCode } from '../matching/phrase-memory.js';
import * as f from './fields.js';
import type { Column } from './limits.js';

/**
 * What each import file holds: its columns, which are required, how a row becomes a domain
 * record, and where that record goes.
 */
export interface ImportKind<T, B = MasterDataBatch> {
  columns: readonly Column[];
  required: readonly Column[];
  schema: z.ZodType<T>;
  /** Identifies a record, to report the same key twice in one file. */
  key(record: T): string;
  batch(records: T[], columns: ReadonlySet<string>): B;
}

const products: ImportKind<Product> = {
  columns: ['sku', 'name', 'extra_name', 'ean', 'supplier_code', 'unit', 'price', 'vat_rate', 'group', 'units'],
  required: ['sku', 'name', 'unit', 'price'],
  schema: z
    .object({
      sku: f.text,
      name: f.text,
      extra_name: f.text.optional(),
      ean: f.gtin.optional(),
      supplier_code: f.list.optional(),
      unit: f.text,
      price: f.amount,
      vat_rate: f.percent.optional(),
      group: f.text.optional(),
      units: f.unitConversions.optional(),
    })
    .transform((r) => ({
      sku: r.sku,
      name: r.name,
      extraName: r.extra_name ?? null,
      ean: r.ean ?? null,
      supplierCodes: r.supplier_code ?? [],
      unit: r.unit,
      units: r.units ?? [],
      listPrice: r.price,
      vatRate: r.vat_rate ?? DEFAULT_VAT_RATE,
      group: r.group ?? null,
    })),
  key: (p) => p.sku,
  batch: (records, columns) => ({ products: records, columns }),
};

const customers: ImportKind<Customer> = {
  columns: [
    'number',
    'name',
    'business_id',
    'vat',
    'email',
    'domains',
    'seller_number',
    'pricelist',
    'street',
    'postal_code',
    'city',
    'country',
  ],
  required: ['number', 'name'],
  schema: z
    .object({
      number: f.text,
      name: f.text,
      business_id: f.businessId.optional(),
      vat: f.text.optional(),
      email: f.email.optional(),
      domains: f.domains.optional(),
      seller_number: f.text.optional(),
      pricelist: f.text.optional(),
      street: f.text.optional(),
      postal_code: f.text.optional(),
      city: f.text.optional(),
      country: f.text.optional(),
    })
    .transform((r) => ({
      number: r.number,
      name: r.name,
      businessId: r.business_id ?? null,
      vat: r.vat?.replace(/\s/g, '').toUpperCase() ?? (r.business_id ? vatNumberOf(r.business_id) : null),
      email: r.email ?? null,
      domains: r.domains ?? [],
      sellerNumber: r.seller_number ?? null,
      pricelist: r.pricelist ?? null,
      address: {
        street: r.street ?? null,
        postalCode: r.postal_code ?? null,
        city: r.city ?? null,
        country: r.country ?? null,
      },
    })),
  key: (c) => c.number,
  batch: (records, columns) => ({ customers: records, columns }),
};

const persons: ImportKind<Person> = {
  columns: ['number', 'name', 'email', 'phone', 'role', 'language'],
  required: ['number', 'name', 'email'],
  schema: z
    .object({
      number: f.text,
      name: f.text,
      email: f.email,
      phone: f.text.optional(),
      role: f.text.optional(),
      language: z.string().regex(/^[a-zA-Z]{2}$/, 'must be a two-letter language code such as fi or en').optional(),
    })
    .transform((r) => ({ number: r.number, name: r.name, email: r.email, phone: r.phone ?? null, role: r.role ?? null, language: r.language?.toLowerCase() ?? null })),
  key: (p) => p.number,
  batch: (records, columns) => ({ persons: records, columns }),
};

const pricelists: ImportKind<PriceRule> = {
  columns: ['pricelist', 'sku', 'group', 'price', 'discount', 'min_qty', 'valid_from', 'valid_to'],
  required: ['pricelist'],
  schema: z
    .object({
      pricelist: f.text,
      sku: f.text.optional(),
      group: f.text.optional(),
      price: f.amount.optional(),
      discount: f.percent.optional(),
      min_qty: f.positiveDecimal.optional(),
      valid_from: f.date.optional(),
      valid_to: f.date.optional(),
    })
    .superRefine((r, ctx) => {
      if ((r.sku === undefined) === (r.group === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['sku'], message: 'give exactly one of sku and group' });
      }
      if ((r.price === undefined) === (r.discount === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['price'], message: 'give exactly one of price and discount' });
      }
      if (r.valid_from && r.valid_to && r.valid_to < r.valid_from) {
        ctx.addIssue({ code: 'custom', path: ['valid_to'], message: `${r.valid_to} is before valid_from ${r.valid_from}` });
      }
    })
    .transform(
      (r): PriceRule => ({
        pricelist: r.pricelist,
        target: r.sku !== undefined ? { kind: 'sku', sku: r.sku } : { kind: 'group', group: r.group ?? '' },
        adjustment: r.price !== undefined ? { kind: 'net', price: r.price } : { kind: 'discount', percent: r.discount ?? '0' },
        minQty: r.min_qty ?? '1',
        validFrom: r.valid_from ?? null,
        validTo: r.valid_to ?? null,
      }),
    ),
  key: (r) =>
    [r.pricelist, r.target.kind === 'sku' ? r.target.sku : `group:${r.target.group}`, r.minQty, r.validFrom ?? ''].join(' / '),
  batch: (records, columns) => ({ priceRules: records, columns }),
};

export const IMPORT_KINDS = { products, customers, persons, pricelists } as const;

export interface CustomerCodeBatch {
  customerCodes: CustomerCode[];
}

/** Customers' own part numbers: not ERP master data but Offerflow's, so they work with any ERP. */
export const CUSTOMER_CODES: ImportKind<CustomerCode, CustomerCodeBatch> = {
  columns: ['customer', 'code', 'sku', 'description'],
  required: ['customer', 'code', 'sku'],
  schema: z
    .object({ customer: f.text, code: f.text, sku: f.text, description: f.text.optional() })
    .transform((r): CustomerCode => ({ customerNumber: r.customer, code: r.code, sku: r.sku, description: r.description ?? null })),
  key: (c) => `customer ${c.customerNumber}, code ${c.code.toUpperCase()}`,
  batch: (records) => ({ customerCodes: records }),
};

export type ImportKindName = keyof typeof IMPORT_KINDS;

export function isImportKind(name: string): name is ImportKindName {
  return Object.hasOwn(IMPORT_KINDS, name);
}
