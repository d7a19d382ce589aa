import type { Kysely, Transaction } from 'kysely';
import type { Customer } from '../../domain/customer.js';
import type { Person } from '../../domain/person.js';
import type { PriceRule } from '../../domain/price-rule.js';
import type { Product } from '../../domain/product.js';
import { customerToRow, personToRow, priceRuleToRow, productCodes, productToRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

export interface MasterDataBatch {
  products?: Product[];
  customers?: Customer[];
  persons?: Person[];
  priceRules?: PriceRule[];
}

export interface MasterDataWriter {
  write(batch: MasterDataBatch): Promise<void>;
}

/**
 * Upserts master data by key. `inTransaction` runs a whole import in one transaction, so a
 * file with one bad row changes nothing.
 */
export class LocalMasterData {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  async inTransaction<T>(work: (writer: MasterDataWriter) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work({ write: (batch) => writeBatch(trx, batch) }));
  }
}

async function writeBatch(trx: Transaction<LocalErpSchema>, batch: MasterDataBatch): Promise<void> {
  if (batch.products?.length) await writeProducts(trx, batch.products);
  if (batch.customers?.length) await writeCustomers(trx, batch.customers);
  if (batch.persons?.length) await writePersons(trx, batch.persons);
  if (batch.priceRules?.length) await writePriceRules(trx, batch.priceRules);
}

async function writeProducts(trx: Transaction<LocalErpSchema>, products: Product[]): Promise<void> {
  const modifiedAt = new Date().toISOString();
  const rows = products.map((p) => productToRow(p, modifiedAt));
  await trx
    .insertInto('products')
    .values(rows)
    .onConflict((oc) =>
      oc.column('sku').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        extra_name: eb.ref('excluded.extra_name'),
        ean: eb.ref('excluded.ean'),
        supplier_codes: eb.ref('excluded.supplier_codes'),
        unit: eb.ref('excluded.unit'),
        list_price: eb.ref('excluded.list_price'),
        vat_rate: eb.ref('excluded.vat_rate'),
        group_code: eb.ref('excluded.group_code'),
        modified_at: eb.ref('excluded.modified_at'),
      })),
    )
    .execute();
  await trx.deleteFrom('product_codes').where('sku', 'in', products.map((p) => p.sku)).execute();
  const codes = products.flatMap((p) => productCodes(p).map((code) => ({ code, sku: p.sku })));
  await trx.insertInto('product_codes').values(codes).execute();
}

async function writeCustomers(trx: Transaction<LocalErpSchema>, customers: Customer[]): Promise<void> {
  await trx
    .insertInto('customers')
    .values(customers.map(customerToRow))
    .onConflict((oc) =>
      oc.column('number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        business_id: eb.ref('excluded.business_id'),
        vat: eb.ref('excluded.vat'),
        email: eb.ref('excluded.email'),
        email_lower: eb.ref('excluded.email_lower'),
        seller_number: eb.ref('excluded.seller_number'),
        pricelist: eb.ref('excluded.pricelist'),
        street: eb.ref('excluded.street'),
        postal_code: eb.ref('excluded.postal_code'),
        city: eb.ref('excluded.city'),
        country: eb.ref('excluded.country'),
      })),
    )
    .execute();
  await trx.deleteFrom('customer_domains').where('customer_number', 'in', customers.map((c) => c.number)).execute();
  const domains = customers.flatMap((c) =>
    [...new Set(c.domains.map((d) => d.toLowerCase()))].map((domain) => ({ customer_number: c.number, domain })),
  );
  if (domains.length) await trx.insertInto('customer_domains').values(domains).execute();
}

async function writePersons(trx: Transaction<LocalErpSchema>, persons: Person[]): Promise<void> {
  await trx
    .insertInto('persons')
    .values(persons.map(personToRow))
    .onConflict((oc) =>
      oc.column('number').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        email: eb.ref('excluded.email'),
        email_lower: eb.ref('excluded.email_lower'),
        phone: eb.ref('excluded.phone'),
        role: eb.ref('excluded.role'),
      })),
    )
    .execute();
}

async function writePriceRules(trx: Transaction<LocalErpSchema>, rules: PriceRule[]): Promise<void> {
  await trx
    .insertInto('price_rules')
    .values(rules.map(priceRuleToRow))
    .onConflict((oc) =>
      oc.column('rule_key').doUpdateSet((eb) => ({
        price: eb.ref('excluded.price'),
        discount: eb.ref('excluded.discount'),
        valid_to: eb.ref('excluded.valid_to'),
      })),
    )
    .execute();
}
