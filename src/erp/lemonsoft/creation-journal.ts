import { join } from 'node:path';
import type { Kysely, Migration } from 'kysely';
import { openSqlite } from '../../store/sqlite.js';

interface JournalSchema {
  started_offers: { reference: string; offer_number: number | null; started_at: string };
}

export interface JournalEntry {
  /** Null while the create call's answer has not come: the offer may or may not exist. */
  offerNumber: number | null;
  /** Lemonsoft's clock can be behind ours: an offer made by that call is no older than this. */
  since: string;
}

const migrations: Record<string, Migration> = {
  '0001_started_offers': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('started_offers')
        .addColumn('reference', 'text', (c) => c.primaryKey())
        .addColumn('offer_number', 'integer')
        .addColumn('started_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

/**
 * Offers being created in Lemonsoft that do not carry our reference yet. Written before the
 * create call and again with its answer: between the empty offer and the header that names
 * it, only this file knows whose the offer is, so a process killed right there finds it again
 * on restart instead of leaving it behind and making another.
 */
export class CreationJournal {
  private constructor(private readonly db: Kysely<JournalSchema>) {}

  static async open(dataDir: string): Promise<CreationJournal> {
    return new CreationJournal(await openSqlite<JournalSchema>(join(dataDir, 'lemonsoft-journal.sqlite'), migrations));
  }

  async entry(reference: string): Promise<JournalEntry | null> {
    const row = await this.db.selectFrom('started_offers').select(['offer_number', 'started_at']).where('reference', '=', reference).executeTakeFirst();
    return row ? { offerNumber: row.offer_number, since: row.started_at } : null;
  }

  /** Before the create call. */
  async begin(reference: string, since: string): Promise<void> {
    await this.db
      .insertInto('started_offers')
      .values({ reference, offer_number: null, started_at: since })
      .onConflict((oc) => oc.column('reference').doUpdateSet({ offer_number: null, started_at: since }))
      .execute();
  }

  /** With the create call's answer. */
  async made(reference: string, offerNumber: number): Promise<void> {
    await this.db.updateTable('started_offers').set({ offer_number: offerNumber }).where('reference', '=', reference).execute();
  }

  async named(reference: string): Promise<void> {
    await this.db.deleteFrom('started_offers').where('reference', '=', reference).execute();
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
