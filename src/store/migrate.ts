import { Migrator, type Kysely, type Migration } from 'kysely';

export async function migrate<Schema>(db: Kysely<Schema>, migrations: Record<string, Migration>, where: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migrating ${where} failed at '${failed}': ${String((error as Error).message ?? error)}`);
  }
}
