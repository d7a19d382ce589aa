import type { Kysely } from 'kysely';
import type { OfferCreationEntry, OfferCreationJournal } from '../erp/lemonsoft/offer-creation-journal.js';
import type { StoreSchema } from './schema.js';

export class KyselyOfferJournal implements OfferCreationJournal {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async entry(reference: string): Promise<OfferCreationEntry | null> {
    const row = await this.db.selectFrom('offer_creations').select(['offer_number', 'started_at']).where('reference', '=', reference).executeTakeFirst();
    return row ? { offerNumber: row.offer_number, since: row.started_at } : null;
  }

  async others(reference: string, since: string): Promise<OfferCreationEntry[]> {
    const rows = await this.db.selectFrom('offer_creations').select(['offer_number', 'started_at']).where('reference', '!=', reference).where('started_at', '>=', since).execute();
    return rows.map((row) => ({ offerNumber: row.offer_number, since: row.started_at }));
  }

  async begin(reference: string, since: string): Promise<void> {
    await this.db
      .insertInto('offer_creations')
      .values({ reference, offer_number: null, started_at: since })
      .onConflict((oc) => oc.column('reference').doUpdateSet({ offer_number: null, started_at: since }))
      .execute();
  }

  async made(reference: string, offerNumber: number): Promise<void> {
    await this.db.updateTable('offer_creations').set({ offer_number: offerNumber }).where('reference', '=', reference).execute();
  }

  async named(reference: string): Promise<void> {
    await this.db.deleteFrom('offer_creations').where('reference', '=', reference).execute();
  }
}
