import { sql, type Kysely, type Migration } from 'kysely';

/** Append-only: a released migration is never edited, a change is a new entry. */
export const localErpMigrations: Record<string, Migration> = {
  '0001_master_data': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('customers')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('business_id', 'text')
        .addColumn('vat', 'text')
        .addColumn('email', 'text')
        .addColumn('email_lower', 'text')
        .addColumn('seller_number', 'text')
        .addColumn('pricelist', 'text')
        .addColumn('street', 'text')
        .addColumn('postal_code', 'text')
        .addColumn('city', 'text')
        .addColumn('country', 'text')
        .execute();
      await db.schema.createIndex('customers_business_id').on('customers').column('business_id').execute();
      await db.schema.createIndex('customers_email_lower').on('customers').column('email_lower').execute();
      await db.schema
        .createTable('customer_domains')
        .addColumn('customer_number', 'text', (c) => c.notNull().references('customers.number').onDelete('cascade'))
        .addColumn('domain', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('customer_domains_pk', ['customer_number', 'domain'])
        .execute();
      await db.schema.createIndex('customer_domains_domain').on('customer_domains').column('domain').execute();
      await db.schema
        .createTable('persons')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_lower', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('role', 'text')
        .execute();
      await db.schema.createIndex('persons_email_lower').on('persons').column('email_lower').execute();
      await db.schema
        .createTable('products')
        .addColumn('sku', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('extra_name', 'text')
        .addColumn('ean', 'text')
        .addColumn('supplier_codes', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('list_price', 'text', (c) => c.notNull())
        .addColumn('vat_rate', 'text', (c) => c.notNull())
        .addColumn('group_code', 'text')
        .addColumn('modified_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_modified_at').on('products').column('modified_at').execute();
      await db.schema
        .createTable('product_codes')
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull().references('products.sku').onDelete('cascade'))
        .addPrimaryKeyConstraint('product_codes_pk', ['code', 'sku'])
        .execute();
      await db.schema.createIndex('product_codes_sku').on('product_codes').column('sku').execute();
      await db.schema
        .createTable('price_rules')
        .addColumn('rule_key', 'text', (c) => c.primaryKey())
        .addColumn('pricelist', 'text', (c) => c.notNull())
        .addColumn('sku', 'text')
        .addColumn('group_code', 'text')
        .addColumn('price', 'text')
        .addColumn('discount', 'text')
        .addColumn('min_qty', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();
      await db.schema.createIndex('price_rules_pricelist').on('price_rules').column('pricelist').execute();
    },
  },
  '0002_offers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('offers')
        .addColumn('number', 'integer', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('customer_number', 'text')
        .addColumn('customer_name', 'text')
        .addColumn('seller_number', 'text')
        .addColumn('customer_reference', 'text')
        .addColumn('offer_date', 'text', (c) => c.notNull())
        .addColumn('valid_until', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('net', 'text', (c) => c.notNull())
        .addColumn('vat', 'text', (c) => c.notNull())
        .addColumn('gross', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`))
        .execute();
      await db.schema
        .createTable('offer_rows')
        .addColumn('offer_number', 'integer', (c) => c.notNull().references('offers.number').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('quantity', 'text', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('unit_price', 'text', (c) => c.notNull())
        .addColumn('discount_percent', 'text', (c) => c.notNull())
        .addColumn('vat_rate', 'text', (c) => c.notNull())
        .addColumn('line_total', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('offer_rows_pk', ['offer_number', 'position'])
        .execute();
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('next_value', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into counters (name, next_value) values ('offer_number', 10001)`.execute(db);
    },
  },
  '0003_person_language': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('persons').addColumn('language', 'text').execute();
    },
  },
  '0004_product_units': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('products').addColumn('units', 'text').execute();
    },
  },
};
