import type { Kysely } from 'kysely';
import type { Offer, OfferDraft } from '../../domain/offer.js';
import type { OfferRepository, WriteFence } from '../ports.js';
import { offerFromRows, offerRowToRow, offerToRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

/** Bound parameters per statement in the oldest SQLite builds; newer ones allow far more. */
const MAX_PARAMETERS = 999;

export class LocalOfferRepository implements OfferRepository {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  /**
   * Header, rows and the number counter change in one transaction: an offer exists whole or
   * not at all, so one found by its reference is already complete.
   */
  async create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    await fence();
    const number = await this.db.transaction().execute(async (trx) => {
      // Write first: a transaction that reads before its first write cannot wait for another
      // process's write to finish (SQLite answers SQLITE_BUSY at once), but one that writes first can.
      await trx.updateTable('counters').set((eb) => ({ next_value: eb.ref('next_value') })).where('name', '=', 'offer_number').execute();
      const existing = await trx.selectFrom('offers').select('number').where('reference', '=', draft.reference).executeTakeFirst();
      if (existing) return existing.number;
      const counter = await trx
        .updateTable('counters')
        .set((eb) => ({ next_value: eb('next_value', '+', 1) }))
        .where('name', '=', 'offer_number')
        .returning('next_value')
        .executeTakeFirstOrThrow();
      const assigned = counter.next_value - 1;
      await trx.insertInto('offers').values(offerToRow(assigned, draft)).execute();
      const rows = draft.lines.map((l) => offerRowToRow(assigned, l));
      const perInsert = Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(rows[0] ?? {}).length));
      for (let at = 0; at < rows.length; at += perInsert) await trx.insertInto('offer_rows').values(rows.slice(at, at + perInsert)).execute();
      return assigned;
    });
    return (await this.get(String(number)))!;
  }

  async get(number: string): Promise<Offer | null> {
    if (!/^\d+$/.test(number)) return null;
    const header = await this.db.selectFrom('offers').selectAll().where('number', '=', Number(number)).executeTakeFirst();
    if (!header) return null;
    const rows = await this.db.selectFrom('offer_rows').selectAll().where('offer_number', '=', header.number).execute();
    return offerFromRows(header, rows);
  }

  async findByReference(reference: string): Promise<Offer | null> {
    const row = await this.db.selectFrom('offers').select('number').where('reference', '=', reference).executeTakeFirst();
    return row ? this.get(String(row.number)) : null;
  }
}
