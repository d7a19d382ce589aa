import type { Kysely, Transaction } from 'kysely';
import type { Customer } from '../../domain/customer.js';
import type { Person } from '../../domain/person.js';
import type { PriceRule } from '../../domain/price-rule.js';
import type { Product } from '../../domain/product.js';
import { customerToRow, personToRow, priceRuleToRow, productCodes, productFromRow, productToRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';
import type { Clock } from '../../time/clock.js';

export interface MasterDataBatch {
  products?: Product[];
  customers?: Customer[];
  persons?: Person[];
  priceRules?: PriceRule[];
  /**
   * The import columns the source file has; all when not given. An existing record keeps the
   * fields of columns the file leaves out, so a price-only file does not wipe EANs or emails.
   */
  columns?: ReadonlySet<string>;
}

/** What one source of master data holds the whole of. */
export type MasterDataKind = 'products' | 'customers' | 'persons' | 'priceRules';

/** The tables each kind fills: emptied together when a source is read whole again. */
const KIND_TABLES: Record<MasterDataKind, readonly (keyof LocalErpSchema)[]> = {
  products: ['product_codes', 'products'],
  customers: ['customer_domains', 'customers'],
  persons: ['persons'],
  priceRules: ['price_rules'],
};

export interface MasterDataWriter {
  write(batch: MasterDataBatch): Promise<void>;
}

/**
 * Upserts master data by key. `inTransaction` runs a whole import in one transaction, so a
 * file with one bad row changes nothing.
 */
export class LocalMasterData {
  constructor(
    private readonly db: Kysely<LocalErpSchema>,
    private readonly clock: Clock,
  ) {}

  async inTransaction<T>(work: (writer: MasterDataWriter) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work({ write: (batch) => writeBatch(trx, batch, this.clock.now().toISOString()) }));
  }

  /**
   * As `inTransaction`, for a source that is the whole of `kind` (an ERP's export file): what the
   * kind held is emptied first, in the same transaction, so rows gone from the source go, and a
   * source that fails to load leaves the last one in place.
   */
  async replacing<T>(kind: MasterDataKind, work: (writer: MasterDataWriter) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      for (const table of KIND_TABLES[kind]) await trx.deleteFrom(table).execute();
      return work({ write: (batch) => writeBatch(trx, batch, this.clock.now().toISOString()) });
    });
  }
}

/** Which table columns each import column fills. */
type ColumnMap = Record<string, readonly string[]>;

const PRODUCT_COLUMNS: ColumnMap = {
  name: ['name'],
  extra_name: ['extra_name'],
  ean: ['ean'],
  supplier_code: ['supplier_codes'],
  unit: ['unit'],
  price: ['list_price'],
  vat_rate: ['vat_rate'],
  group: ['group_code'],
  units: ['units'],
};

const CUSTOMER_COLUMNS: ColumnMap = {
  name: ['name'],
  business_id: ['business_id'],
  vat: ['vat'],
  email: ['email', 'email_lower'],
  seller_number: ['seller_number'],
  pricelist: ['pricelist'],
  street: ['street'],
  postal_code: ['postal_code'],
  city: ['city'],
  country: ['country'],
};

const PERSON_COLUMNS: ColumnMap = { name: ['name'], email: ['email', 'email_lower'], phone: ['phone'], role: ['role'], language: ['language'] };

const PRICE_RULE_COLUMNS: ColumnMap = { price: ['price', 'discount'], discount: ['price', 'discount'], valid_to: ['valid_to'] };

/** `excluded.<column>` for every table column the file fills: the ON CONFLICT update set. */
function updateSet(map: ColumnMap, present: ReadonlySet<string> | undefined, always: readonly string[] = []) {
  const filled = Object.entries(map).flatMap(([column, fields]) => (present === undefined || present.has(column) ? fields : []));
  const columns = new Set([...always, ...filled]);
  // Kysely cannot type a column list built at run time; the names come from the maps above.
  return (eb: { ref(reference: string): unknown }) =>
    Object.fromEntries([...columns].map((column) => [column, eb.ref(`excluded.${column}`)])) as never;
}

/** `modifiedAt` stamps the products, so that a catalog refresh brings in what an import changed. */
async function writeBatch(trx: Transaction<LocalErpSchema>, batch: MasterDataBatch, modifiedAt: string): Promise<void> {
  if (batch.products?.length) await writeProducts(trx, batch.products, batch.columns, modifiedAt);
  if (batch.customers?.length) await writeCustomers(trx, batch.customers, batch.columns);
  if (batch.persons?.length) await writePersons(trx, batch.persons, batch.columns);
  if (batch.priceRules?.length) await writePriceRules(trx, batch.priceRules, batch.columns);
}

async function writeProducts(trx: Transaction<LocalErpSchema>, products: Product[], columns: ReadonlySet<string> | undefined, modifiedAt: string): Promise<void> {
  const skus = products.map((p) => p.sku);
  await trx
    .insertInto('products')
    .values(products.map((p) => productToRow(p, modifiedAt)))
    .onConflict((oc) => oc.column('sku').doUpdateSet(updateSet(PRODUCT_COLUMNS, columns, ['modified_at'])))
    .execute();
  // Codes come from the stored rows, which keep the EAN and supplier codes a file left out.
  const stored = (await trx.selectFrom('products').selectAll().where('sku', 'in', skus).execute()).map(productFromRow);
  await trx.deleteFrom('product_codes').where('sku', 'in', skus).execute();
  const codes = stored.flatMap((p) => productCodes(p).map((code) => ({ code, sku: p.sku })));
  await trx.insertInto('product_codes').values(codes).execute();
}

async function writeCustomers(trx: Transaction<LocalErpSchema>, customers: Customer[], columns: ReadonlySet<string> | undefined): Promise<void> {
  await trx
    .insertInto('customers')
    .values(customers.map(customerToRow))
    .onConflict((oc) => oc.column('number').doUpdateSet(updateSet(CUSTOMER_COLUMNS, columns)))
    .execute();
  if (columns && !columns.has('domains')) return;
  await trx.deleteFrom('customer_domains').where('customer_number', 'in', customers.map((c) => c.number)).execute();
  const domains = customers.flatMap((c) =>
    [...new Set(c.domains.map((d) => d.toLowerCase()))].map((domain) => ({ customer_number: c.number, domain })),
  );
  if (domains.length) await trx.insertInto('customer_domains').values(domains).execute();
}

async function writePersons(trx: Transaction<LocalErpSchema>, persons: Person[], columns: ReadonlySet<string> | undefined): Promise<void> {
  await trx
    .insertInto('persons')
    .values(persons.map(personToRow))
    .onConflict((oc) => oc.column('number').doUpdateSet(updateSet(PERSON_COLUMNS, columns)))
    .execute();
}

async function writePriceRules(trx: Transaction<LocalErpSchema>, rules: PriceRule[], columns: ReadonlySet<string> | undefined): Promise<void> {
  await trx
    .insertInto('price_rules')
    .values(rules.map(priceRuleToRow))
    .onConflict((oc) => oc.column('rule_key').doUpdateSet(updateSet(PRICE_RULE_COLUMNS, columns)))
    .execute();
}
