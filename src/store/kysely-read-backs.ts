import type { Kysely } from 'kysely';
import type { LeaseOutcome, PassLease, ReadBackLog, ReadBackRecord } from '../learning/ports.js';
import { claimFor, type ClaimRequest } from '../workflow/run-store.js';
import type { StoreSchema } from './schema.js';

export class KyselyReadBackLog implements ReadBackLog {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  async get(runId: number): Promise<ReadBackRecord | null> {
    const row = await this.db.selectFrom('offer_read_backs').selectAll().where('run_id', '=', runId).executeTakeFirst();
    return row ? { runId: row.run_id, offerNumber: row.offer_number, written: row.written, learned: JSON.parse(row.learned) as Record<number, string>, readAt: row.read_at } : null;
  }

  async put(record: ReadBackRecord): Promise<void> {
    const values = { offer_number: record.offerNumber, written: record.written, learned: JSON.stringify(record.learned), read_at: record.readAt };
    await this.db
      .insertInto('offer_read_backs')
      .values({ run_id: record.runId, ...values })
      .onConflict((oc) => oc.column('run_id').doUpdateSet(values))
      .execute();
  }
}

/** The lease on one row of `leases`: read, decide by `claimFor`, then set only if the row has not changed meanwhile. */
export class KyselyPassLease implements PassLease {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly name: string,
  ) {}

  async take(request: ClaimRequest, doneAfter: string | null): Promise<LeaseOutcome> {
    await this.db.insertInto('leases').values({ name: this.name, claim_token: 0, claimed_by: null, claimed_until: null, done_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
    for (;;) {
      const row = await this.db.selectFrom('leases').selectAll().where('name', '=', this.name).executeTakeFirstOrThrow();
      const outcome = claimFor({ token: row.claim_token, holder: row.claimed_by, until: row.claimed_until }, request);
      if (outcome.kind === 'held') return outcome;
      if (doneAfter !== null && row.done_at !== null && row.done_at > doneAfter) return { kind: 'recent', at: row.done_at };
      const result = await this.db
        .updateTable('leases')
        .set({ claim_token: outcome.token, claimed_by: request.holder, claimed_until: request.until })
        .where('name', '=', this.name)
        .where('claim_token', '=', row.claim_token)
        .where((eb) => (row.claimed_until === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', row.claimed_until)))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return { kind: 'taken', token: outcome.token };
    }
  }

  async renew(token: number, holder: string, now: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('leases')
      .set({ claimed_until: until })
      .where('name', '=', this.name)
      .where('claim_token', '=', token)
      .where('claimed_by', '=', holder)
      .where('claimed_until', '>=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(token: number, doneAt: string | null): Promise<void> {
    await this.db
      .updateTable('leases')
      .set({ claimed_by: null, claimed_until: null, ...(doneAt ? { done_at: doneAt } : {}) })
      .where('name', '=', this.name)
      .where('claim_token', '=', token)
      .execute();
  }
}
