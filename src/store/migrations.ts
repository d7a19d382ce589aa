import type { ColumnDataType, ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

export type StoreDialect = 'sqlite' | 'postgres';

/** The few column types SQLite and PostgreSQL spell differently; everything else is shared. */
function types(dialect: StoreDialect): { id: ColumnDataType; bytes: ColumnDataType } {
  return dialect === 'postgres' ? { id: 'serial', bytes: 'bytea' } : { id: 'integer', bytes: 'blob' };
}

/**
 * Append-only: a released migration is never edited, a change is a new entry. One list for
 * both databases, so that the embedded store and PostgreSQL never drift apart.
 */
export function storeMigrations(dialect: StoreDialect): Record<string, Migration> {
  const t = types(dialect);
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '0001_runs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('runs')
          .addColumn('id', t.id, id)
          .addColumn('mailbox', 'text', (c) => c.notNull())
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('raw_email', t.bytes, (c) => c.notNull())
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
          .addColumn('id', t.id, id)
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
    '0003_jobs': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('jobs')
          .addColumn('id', t.id, id)
          .addColumn('run_id', 'integer', (c) => c.notNull().unique())
          .addColumn('mailbox', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('run_after', 'text', (c) => c.notNull())
          .addColumn('locked_by', 'text')
          .addColumn('locked_until', 'text')
          .addColumn('last_error', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_after']).execute();
      },
    },
    '0004_notifications': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('notifications')
          .addColumn('run_id', 'integer', (c) => c.primaryKey())
          .addColumn('recipient', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0005_offer_creations': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('offer_creations')
          .addColumn('reference', 'text', (c) => c.primaryKey())
          .addColumn('offer_number', 'integer')
          .addColumn('started_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0006_run_claims': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('runs').addColumn('claim_token', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('runs').addColumn('claimed_by', 'text').execute();
        await db.schema.alterTable('runs').addColumn('claimed_until', 'text').execute();
      },
    },
    '0007_job_failures': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('jobs').addColumn('stalls', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema.alterTable('jobs').addColumn('last_error_code', 'text').execute();
      },
    },
    '0008_accounts': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', t.id, id)
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('person_number', 'text')
          .addColumn('password_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('password_links')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('api_tokens')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_used_at', 'text')
          .execute();
        await db.schema
          .createTable('login_attempts')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('window_started_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0010_learning': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('phrase_memory').addColumn('taught_by_id', 'text').execute();
        await db.schema.alterTable('phrase_memory').addColumn('taught_by_name', 'text').execute();
        await db.schema
          .createTable('sender_customers')
          .addColumn('address', 'text', (c) => c.primaryKey())
          .addColumn('domain', 'text', (c) => c.notNull())
          .addColumn('customer_number', 'text', (c) => c.notNull())
          .addColumn('taught_by_id', 'text', (c) => c.notNull())
          .addColumn('taught_by_name', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sender_customers_domain').on('sender_customers').column('domain').execute();
        await db.schema
          .createTable('customer_salespersons')
          .addColumn('customer_number', 'text', (c) => c.primaryKey())
          .addColumn('person_number', 'text', (c) => c.notNull())
          .addColumn('taught_by_id', 'text', (c) => c.notNull())
          .addColumn('taught_by_name', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0011_read_back': {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex('runs_created_at').on('runs').column('created_at').execute();
        await db.schema
          .createTable('offer_read_backs')
          .addColumn('run_id', 'integer', (c) => c.primaryKey())
          .addColumn('offer_number', 'text', (c) => c.notNull())
          .addColumn('written', 'text', (c) => c.notNull())
          .addColumn('learned', 'text', (c) => c.notNull())
          .addColumn('read_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('claim_token', 'integer', (c) => c.notNull())
          .addColumn('claimed_by', 'text')
          .addColumn('claimed_until', 'text')
          .addColumn('done_at', 'text')
          .execute();
      },
    },
    '0012_run_summaries': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('run_summaries')
          .addColumn('run_id', 'integer', (c) => c.primaryKey().references('runs.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('mailbox', 'text', (c) => c.notNull())
          .addColumn('sender_address', 'text')
          .addColumn('sender_name', 'text')
          .addColumn('customer_number', 'text')
          .addColumn('customer_name', 'text')
          .addColumn('salesperson_number', 'text')
          .addColumn('salesperson_name', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('needs_review', 'integer', (c) => c.notNull())
          .addColumn('problems', 'text', (c) => c.notNull())
          .addColumn('search_text', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema.createIndex('run_summaries_inbox').on('run_summaries').columns(['needs_review', 'received_at']).execute();
        await db.schema.createIndex('run_summaries_salesperson').on('run_summaries').column('salesperson_number').execute();
        await db.schema.createIndex('run_summaries_customer').on('run_summaries').column('customer_number').execute();
        await db.schema.createIndex('run_summaries_mailbox').on('run_summaries').column('mailbox').execute();
      },
    },
    '0013_customer_replies': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('customer_replies')
          .addColumn('run_id', 'integer', (c) => c.primaryKey().references('runs.id').onDelete('cascade'))
          .addColumn('message_id', 'text', (c) => c.notNull())
          .addColumn('recipient', 'text', (c) => c.notNull())
          .addColumn('printed_by', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('began_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .execute();
      },
    },
    '0014_customer_questions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('customer_questions')
          .addColumn('message_id', 'text', (c) => c.primaryKey())
          .addColumn('run_id', 'integer', (c) => c.notNull().references('runs.id').onDelete('cascade'))
          .addColumn('recipient', 'text', (c) => c.notNull())
          .addColumn('questions', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('began_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .addColumn('answered_by', 'text')
          .addColumn('answered_at', 'text')
          .execute();
        await db.schema.createIndex('customer_questions_run').on('customer_questions').column('run_id').execute();
      },
    },
  };
}
