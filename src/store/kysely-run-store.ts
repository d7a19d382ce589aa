import type { Kysely, Selectable } from 'kysely';
import { contextFromStore } from '../workflow/context-version.js';
import type { RunKey, WorkflowContext } from '../workflow/context.js';
import { claimFor, claimLost, type ClaimOutcome, type ClaimRequest, type RunStore, type StoredRun, type StoredRunStatus, type SummaryChoices } from '../workflow/run-store.js';
import { runSummaryOf, type SummaryFilter, type SummaryList, type SummaryPage } from '../workflow/run-summary.js';
import type { Clock } from '../time/clock.js';
import { backfillSummaries, listSummaries, summariesVersion, summaryChoices, writeSummary } from './kysely-run-summaries.js';
import type { RunTable, StoreSchema } from './schema.js';

type RunRow = Pick<Selectable<RunTable>, (typeof COLUMNS)[number]>;

const COLUMNS = ['id', 'mailbox', 'message_id', 'status', 'subject', 'context', 'created_at', 'updated_at'] as const;

function fromRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    key: { mailbox: row.mailbox, messageId: row.message_id },
    status: row.status as StoredRunStatus,
    subject: row.subject,
    context: contextFromStore(JSON.parse(row.context)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class KyselyRunStore implements RunStore {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly clock: Clock,
  ) {}

  async findByKey(key: RunKey): Promise<StoredRun | null> {
    const row = await this.db
      .selectFrom('runs')
      .select(COLUMNS)
      .where('mailbox', '=', key.mailbox)
      .where('message_id', '=', key.messageId)
      .executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun> {
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('runs')
        .values({
          mailbox: key.mailbox,
          message_id: key.messageId,
          status: 'queued',
          subject: '',
          raw_email: rawEmail,
          context: JSON.stringify(context),
          created_at: now,
          updated_at: now,
          claimed_by: null,
          claimed_until: null,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      const run = fromRow(row);
      await writeSummary(trx, runSummaryOf(run));
      return run;
    });
  }

  /** Read, decide, then set only if the claim has not changed meanwhile: whoever changes it first wins. */
  async claim(id: number, request: ClaimRequest): Promise<ClaimOutcome> {
    for (;;) {
      const row = await this.db.selectFrom('runs').select(['claim_token', 'claimed_by', 'claimed_until']).where('id', '=', id).executeTakeFirst();
      if (!row) throw new Error(`run ${id} does not exist`);
      const outcome = claimFor({ token: row.claim_token, holder: row.claimed_by, until: row.claimed_until }, request);
      if (outcome.kind === 'held') return outcome;
      // The end too: a holder that renewed in between has moved it, and keeps the run.
      const result = await this.db
        .updateTable('runs')
        .set({ claim_token: outcome.token, claimed_by: request.holder, claimed_until: request.until })
        .where('id', '=', id)
        .where('claim_token', '=', row.claim_token)
        .where((eb) => (row.claimed_until === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', row.claimed_until)))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return outcome;
    }
  }

  async renew(id: number, token: number, holder: string, now: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('runs')
      .set({ claimed_until: until })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('claimed_by', '=', holder)
      .where('claimed_until', '>=', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async release(id: number, token: number): Promise<void> {
    await this.db.updateTable('runs').set({ claimed_by: null, claimed_until: null }).where('id', '=', id).where('claim_token', '=', token).execute();
  }

  async save(id: number, token: number, status: StoredRunStatus, context: WorkflowContext): Promise<void> {
    const subject = context.email?.subject ?? '';
    const updatedAt = this.clock.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('runs')
        .set({ status, subject, context: JSON.stringify(context), updated_at: updatedAt })
        .where('id', '=', id)
        .where('claim_token', '=', token)
        .returning(['mailbox', 'message_id', 'created_at'])
        .executeTakeFirst();
      if (!row) throw claimLost(id);
      const key = { mailbox: row.mailbox, messageId: row.message_id };
      await writeSummary(trx, runSummaryOf({ id, key, status, subject, context, createdAt: row.created_at, updatedAt }));
    });
  }

  async rawEmail(id: number): Promise<Buffer> {
    const row = await this.db.selectFrom('runs').select('raw_email').where('id', '=', id).executeTakeFirstOrThrow();
    return row.raw_email;
  }

  async get(id: number): Promise<StoredRun | null> {
    const row = await this.db.selectFrom('runs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async list(limit: number): Promise<StoredRun[]> {
    const rows = await this.db.selectFrom('runs').select(COLUMNS).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(fromRow);
  }

  async createdSince(since: string, statuses: readonly StoredRunStatus[], afterId: number, limit: number): Promise<StoredRun[]> {
    if (statuses.length === 0) return []; // `in ()` is not SQL
    const rows = await this.db
      .selectFrom('runs')
      .select(COLUMNS)
      .where('created_at', '>=', since)
      .where('id', '>', afterId)
      .where('status', 'in', statuses)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  listSummaries(filter: SummaryFilter, page: SummaryPage): Promise<SummaryList> {
    return listSummaries(this.db, filter, page);
  }

  summariesVersion(): Promise<string> {
    return summariesVersion(this.db);
  }

  summaryChoices(): Promise<SummaryChoices> {
    return summaryChoices(this.db);
  }

  /** Summaries for the runs stored before they were kept; the store does this once when it opens. */
  async backfillSummaries(): Promise<void> {
    await backfillSummaries(this.db, async (id) => {
      const run = await this.get(id);
      return run && runSummaryOf(run);
    });
  }
}
