import { sql, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import { searchTextOf, searchWords, type RunSummary, type SummaryFilter, type SummaryList, type SummaryPage } from '../workflow/run-summary.js';
import type { StoredRunStatus, SummaryChoices } from '../workflow/run-store.js';
import type { RunSummaryTable, StoreSchema } from './schema.js';

type SummaryRow = Selectable<RunSummaryTable>;

/** Every column but the run's id, which a summary never changes. */
function columnsOf(summary: RunSummary): Omit<Insertable<RunSummaryTable>, 'run_id'> {
  return {
    status: summary.status,
    subject: summary.subject,
    mailbox: summary.mailbox,
    sender_address: summary.sender?.address ?? null,
    sender_name: summary.sender?.name ?? null,
    customer_number: summary.customer?.number ?? null,
    customer_name: summary.customer?.name ?? null,
    salesperson_number: summary.salesperson?.number ?? null,
    salesperson_name: summary.salesperson?.name ?? null,
    received_at: summary.receivedAt,
    needs_review: summary.needsReview ? 1 : 0,
    problems: JSON.stringify(summary.problems),
    search_text: searchTextOf(summary),
    updated_at: summary.updatedAt,
  };
}

const party = (number: string | null, name: string | null) => (number === null ? null : { number, name: name ?? '' });

function fromRow(row: SummaryRow): RunSummary {
  return {
    id: row.run_id,
    status: row.status as StoredRunStatus,
    subject: row.subject,
    mailbox: row.mailbox,
    sender: row.sender_address === null ? null : { address: row.sender_address, name: row.sender_name ?? '' },
    customer: party(row.customer_number, row.customer_name),
    salesperson: party(row.salesperson_number, row.salesperson_name),
    receivedAt: row.received_at,
    needsReview: row.needs_review === 1,
    problems: JSON.parse(row.problems) as RunSummary['problems'],
    updatedAt: row.updated_at,
  };
}

/** Called inside the transaction that writes the run, so that a run and its summary never disagree. */
export async function writeSummary(db: Kysely<StoreSchema>, summary: RunSummary): Promise<void> {
  const changes = columnsOf(summary);
  await db
    .insertInto('run_summaries')
    .values({ run_id: summary.id, ...changes })
    .onConflict((oc) => oc.column('run_id').doUpdateSet({ ...changes, revision: sql<number>`run_summaries.revision + 1` }))
    .execute();
}

/** LIKE's own wildcards in a word are taken literally. */
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered<O>(query: SelectQueryBuilder<StoreSchema, 'run_summaries', O>, filter: SummaryFilter): SelectQueryBuilder<StoreSchema, 'run_summaries', O> {
  let q = query;
  if (filter.salesperson !== undefined) q = q.where('salesperson_number', '=', filter.salesperson);
  if (filter.status !== undefined) q = q.where('status', '=', filter.status);
  if (filter.customer !== undefined) q = q.where('customer_number', '=', filter.customer);
  if (filter.mailbox !== undefined) q = q.where('mailbox', '=', filter.mailbox);
  if (filter.receivedFrom !== undefined) q = q.where('received_at', '>=', filter.receivedFrom);
  if (filter.receivedBefore !== undefined) q = q.where('received_at', '<', filter.receivedBefore);
  for (const word of searchWords(filter.search ?? '')) q = q.where(sql<boolean>`search_text like ${likePattern(word)} escape '\\'`);
  return q;
}

/** `inboxOrder` in SQL: waiting runs first, oldest first; then the rest, newest first. */
export async function listSummaries(db: Kysely<StoreSchema>, filter: SummaryFilter, page: SummaryPage): Promise<SummaryList> {
  const rows = await filtered(db.selectFrom('run_summaries').selectAll(), filter)
    .orderBy('needs_review', 'desc')
    .orderBy(sql`case when needs_review = 1 then received_at else '' end`)
    .orderBy(sql`case when needs_review = 1 then run_id else 0 end`)
    .orderBy('received_at', 'desc')
    .orderBy('run_id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const { total } = await filtered(db.selectFrom('run_summaries').select((eb) => eb.fn.countAll<number | string>().as('total')), filter).executeTakeFirstOrThrow();
  return { summaries: rows.map(fromRow), total: Number(total) };
}

/** Every write adds one to a revision, so the sum grows with each: no two states of the list share it. */
export async function summariesVersion(db: Kysely<StoreSchema>): Promise<string> {
  const row = await db
    .selectFrom('run_summaries')
    .select((eb) => eb.fn.sum<number | string | null>('revision').as('writes'))
    .executeTakeFirstOrThrow();
  return String(Number(row.writes ?? 0));
}

export async function summaryChoices(db: Kysely<StoreSchema>): Promise<SummaryChoices> {
  const mailboxes = await db.selectFrom('run_summaries').select('mailbox').distinct().orderBy('mailbox').execute();
  const customers = await db
    .selectFrom('run_summaries')
    .select((eb) => ['customer_number', eb.fn.max('customer_name').as('customer_name')])
    .where('customer_number', 'is not', null)
    .groupBy('customer_number')
    .orderBy('customer_name')
    .execute();
  return {
    mailboxes: mailboxes.map((r) => r.mailbox),
    customers: customers.map((r) => ({ number: r.customer_number!, name: r.customer_name ?? '' })),
  };
}

const BACKFILL_BATCH = 200;

/**
 * Runs stored before summaries were kept get theirs, a batch at a time. A summary written
 * meanwhile by a save is newer than one made here, so it is left as it is.
 */
export async function backfillSummaries(db: Kysely<StoreSchema>, summaryOf: (id: number) => Promise<RunSummary | null>): Promise<void> {
  for (let afterId = 0; ; ) {
    const missing = await db
      .selectFrom('runs')
      .leftJoin('run_summaries', 'run_summaries.run_id', 'runs.id')
      .select('runs.id')
      .where('run_summaries.run_id', 'is', null)
      .where('runs.id', '>', afterId)
      .orderBy('runs.id')
      .limit(BACKFILL_BATCH)
      .execute();
    if (missing.length === 0) return;
    for (const { id } of missing) {
      const summary = await summaryOf(id);
      if (summary) await db.insertInto('run_summaries').values({ run_id: summary.id, ...columnsOf(summary) }).onConflict((oc) => oc.column('run_id').doNothing()).execute();
    }
    afterId = missing.at(-1)!.id;
  }
}
