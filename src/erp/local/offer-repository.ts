import type { Kysely } from 'kysely';
import type { Offer, OfferDraft } from '../../domain/offer.js';
import type { OfferRepository, WriteFence } from '../ports.js';
import { offerFromRows, offerRowToRow, offerToRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

/** Rows per INSERT: eleven values a row stay under 999, the smallest limit of bound parameters any SQLite build has. */
const ROWS_PER_INSERT = 80;

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
      for (let at = 0; at < draft.lines.length; at += ROWS_PER_INSERT) {
        await trx.insertInto('offer_rows').values(draft.lines.slice(at, at + ROWS_PER_INSERT).map((l) => offerRowToRow(assigned, l))).execute();
      }
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
