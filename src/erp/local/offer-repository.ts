import type { Kysely, Transaction } from 'kysely';
import { assertDistinctPositions, type Offer, type OfferDraft, type OfferLine } from '../../domain/offer.js';
import type { OfferRepository, WriteFence } from '../ports.js';
import { offerFromRows, offerRowToRow, offerToRow } from './mapper.js';
import type { LocalErpSchema } from './schema.js';

/** Bound parameters per statement in the oldest SQLite builds; newer ones allow far more. */
const MAX_PARAMETERS = 999;

type Trx = Transaction<LocalErpSchema>;

/**
 * Write first: a transaction that reads before its first write cannot wait for another
 * process's write to finish (SQLite answers SQLITE_BUSY at once), but one that writes first can.
 */
async function lockForWrite(trx: Trx): Promise<void> {
  await trx.updateTable('counters').set((eb) => ({ next_value: eb.ref('next_value') })).where('name', '=', 'offer_number').execute();
}

async function numberOf(trx: Trx, reference: string): Promise<number | null> {
  const row = await trx.selectFrom('offers').select('number').where('reference', '=', reference).executeTakeFirst();
  return row?.number ?? null;
}

async function insertOffer(trx: Trx, draft: OfferDraft): Promise<number> {
  const counter = await trx
    .updateTable('counters')
    .set((eb) => ({ next_value: eb('next_value', '+', 1) }))
    .where('name', '=', 'offer_number')
    .returning('next_value')
    .executeTakeFirstOrThrow();
  const assigned = counter.next_value - 1;
  await trx.insertInto('offers').values(offerToRow(assigned, draft)).execute();
  await insertRows(trx, assigned, draft.lines);
  return assigned;
}

async function insertRows(trx: Trx, number: number, lines: OfferLine[]): Promise<void> {
  const rows = lines.map((l) => offerRowToRow(number, l));
  const perInsert = Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(rows[0] ?? {}).length));
  for (let at = 0; at < rows.length; at += perInsert) await trx.insertInto('offer_rows').values(rows.slice(at, at + perInsert)).execute();
}

export class LocalOfferRepository implements OfferRepository {
  constructor(private readonly db: Kysely<LocalErpSchema>) {}

  /**
   * Header, rows and the number counter change in one transaction: an offer exists whole or
   * not at all, so one found by its reference is already complete.
   */
  async create(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    await fence();
    const number = await this.db.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      return (await numberOf(trx, draft.reference)) ?? (await insertOffer(trx, draft));
    });
    return (await this.get(String(number)))!;
  }

  /** One transaction, so nothing between the old offer and the new one is ever seen or left. */
  async replace(draft: OfferDraft, fence: WriteFence): Promise<Offer> {
    assertDistinctPositions(draft.lines);
    await fence();
    const number = await this.db.transaction().execute(async (trx) => {
      await lockForWrite(trx);
      const existing = await numberOf(trx, draft.reference);
      if (existing === null) return insertOffer(trx, draft);
      await trx.updateTable('offers').set(offerToRow(existing, draft)).where('number', '=', existing).execute();
      await trx.deleteFrom('offer_rows').where('offer_number', '=', existing).execute();
      await insertRows(trx, existing, draft.lines);
      return existing;
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
