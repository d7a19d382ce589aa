import { Migrator, type Kysely, type Migration } from 'kysely';

/**
 * `schema`: where Kysely keeps its own migration tables. On PostgreSQL it must be the schema the
 * tables go into: Kysely looks for its tables in every schema, and one found elsewhere (another
 * Offerflow in the same database) would make it skip creating its own.
 */
export async function migrate<Schema>(
  db: Kysely<Schema>,
  migrations: Record<string, Migration>,
  where: string,
  options: { schema?: string; inCallersTransaction?: boolean } = {},
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: options.schema,
    disableTransactions: options.inCallersTransaction,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migrating ${where} failed at '${failed}': ${String((error as Error).message ?? error)}`);
  }
}
