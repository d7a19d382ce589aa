import type { Kysely, Migration } from 'kysely';

/** Append-only: a released migration is never edited, a change is a new entry. */
export const storeMigrations: Record<string, Migration> = {
  '0001_runs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('runs')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('mailbox', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('raw_email', 'blob', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('runs_key', ['mailbox', 'message_id'])
        .execute();
      await db.schema.createIndex('runs_status').on('runs').column('status').execute();
    },
  },
  '0002_phrase_memory': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('phrase_memory')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('customer_number', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('sku', 'text', (c) => c.notNull())
        .addColumn('corrections', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('phrase_memory_key', ['customer_number', 'kind', 'key'])
        .execute();
    },
  },
};
