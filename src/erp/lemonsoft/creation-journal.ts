import { join } from 'node:path';
import type { Kysely, Migration } from 'kysely';
import { openSqlite } from '../../store/sqlite.js';

interface JournalSchema {
  started_offers: { reference: string; offer_number: number; started_at: string };
}

const migrations: Record<string, Migration> = {
  '0001_started_offers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('started_offers')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        .addColumn('offer_number', 'integer', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/**
 * Offers created in Lemonsoft that do not carry our reference yet. Between the empty offer and
 * the header that names it, only this file knows whose the offer is, so a process killed right
 * there finds it again on restart instead of leaving it behind and making another.
 */
export class CreationJournal {
  private constructor(private readonly db: Kysely<JournalSchema>) {}

  static async open(dataDir: string): Promise<CreationJournal> {
    return new CreationJournal(await openSqlite<JournalSchema>(join(dataDir, 'lemonsoft-journal.sqlite'), migrations));
  }

  async started(reference: string): Promise<number | null> {
    const row = await this.db.selectFrom('started_offers').select('offer_number').where('reference', '=', reference).executeTakeFirst();
    return row?.offer_number ?? null;
  }

  async start(reference: string, offerNumber: number): Promise<void> {
    await this.db
      .insertInto('started_offers')
      .values({ reference, offer_number: offerNumber, started_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('reference').doUpdateSet({ offer_number: offerNumber }))
      .execute();
  }

  async named(reference: string): Promise<void> {
    await this.db.deleteFrom('started_offers').where('reference', '=', reference).execute();
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
