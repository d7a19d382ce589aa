import type { Kysely, Migration } from 'kysely';

/** Append-only: a released migration is never edited, a change is a new entry. */
export const bcSimulatorMigrations: Record<string, Migration> = {
  '0001_business_central': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('records')
        .addColumn('entity_set', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('company_id', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('doc', 'text', (c) => c.notNull())
        .addColumn('hidden', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_key', ['entity_set', 'id'])
        .execute();
      await db.schema.createIndex('records_company').on('records').columns(['company_id', 'entity_set']).execute();
      await db.schema.createIndex('records_parent').on('records').column('parent_id').execute();
      await db.schema
        .createTable('number_series')
        .addColumn('company_id', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('last_number', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('number_series_key', ['company_id', 'code'])
        .execute();
    },
  },
};
