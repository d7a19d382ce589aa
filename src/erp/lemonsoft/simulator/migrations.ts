import type { Kysely, Migration } from 'kysely';

/** Append-only: a released migration is never edited, a change is a new entry. */
export const simulatorMigrations: Record<string, Migration> = {
  '0001_lemonsoft': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('customers')
        .addColumn('number', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('vat', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('modified', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createTable('persons').addColumn('number', 'integer', (c) => c.primaryKey()).addColumn('search', 'text', (c) => c.notNull()).addColumn('doc', 'text', (c) => c.notNull()).execute();
      await db.schema
        .createTable('products')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('sku', 'text', (c) => c.notNull().unique())
        .addColumn('ean', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('modified', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_ean').on('products').column('ean').execute();
      await db.schema.createIndex('products_modified').on('products').column('modified').execute();
      await db.schema.createTable('pricelists').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('doc', 'text', (c) => c.notNull()).execute();
      await db.schema
        .createTable('offers')
        .addColumn('number', 'integer', (c) => c.primaryKey())
        .addColumn('offer_type', 'integer', (c) => c.notNull())
        .addColumn('updated', 'text', (c) => c.notNull())
        .addColumn('search', 'text', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('offer_rows')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('offer_number', 'integer', (c) => c.notNull().references('offers.number'))
        .addColumn('doc', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('offer_rows_offer').on('offer_rows').column('offer_number').execute();
    },
  },
};
