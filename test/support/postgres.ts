import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { MIGRATION_LOCK } from '../../src/store/postgres.js';

/** The PostgreSQL that the development and CI machines run; `.ci/run` starts it when it is down. */
const BASE_URL = process.env.OFFERFLOW_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** A URL whose connections see only this database's own schema. */
  url: string;
  drop(): Promise<void>;
}

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A schema of its own in the shared test database, so that test files never see each other's tables. */
export async function freshPostgres(): Promise<TestDatabase> {
  const schema = `offerflow_test_${randomBytes(6).toString('hex')}`;
  await run(`create schema ${schema}`);
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // Kysely's migrator reads the tables of every schema: a schema dropped while another test file
  // migrates its own fails that migration ("schema … does not exist"), so drops wait their turn.
  return { url: url.toString(), drop: () => run(`select pg_advisory_lock(${MIGRATION_LOCK}); drop schema ${schema} cascade; select pg_advisory_unlock(${MIGRATION_LOCK})`) };
}
