import { sql, type Kysely } from 'kysely';
import { isFailureCode, type FailureRecord } from '../domain/failure.js';
import type { StoreDialect } from './migrations.js';
import type { StoreSchema } from './schema.js';
import { backoffMs } from '../time/backoff.js';
import type { Clock } from '../time/clock.js';
import { type DeadJob, type JobQueue, type QueueCounts, type RetryPolicy, type RunJob, type TakenJob } from '../queue/job-queue.js';

/**
 * The job queue in the store's own database, next to the runs. Taking a job is one UPDATE of
 * the oldest due row: SQLite runs it under its single writer lock, and on PostgreSQL the row
 * is picked FOR UPDATE SKIP LOCKED, so two workers, in two processes or on two machines,
 * never take the same job.
 */
export class SqlJobQueue implements JobQueue {
  constructor(
    private readonly db: Kysely<StoreSchema>,
    private readonly dialect: StoreDialect,
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    /** For the retry delay's jitter. */
    private readonly random: () => number = Math.random,
  ) {}

  private at(offsetMs = 0): string {
    return new Date(this.clock.now().getTime() + offsetMs).toISOString();
  }

  async enqueue(job: RunJob): Promise<void> {
    await this.db
      .insertInto('jobs')
      .values({ run_id: job.runId, mailbox: job.mailbox, status: 'queued', attempts: 0, run_after: this.at(), updated_at: this.at() })
      .onConflict((oc) => oc.column('run_id').doNothing())
      .execute();
  }

  async take(worker: string): Promise<TakenJob | null> {
    await this.giveUpStopped();
    const now = this.at();
    const row = await this.db
      .updateTable('jobs')
      .set({
        status: 'active',
        locked_by: worker,
        locked_until: this.at(this.policy.leaseMs),
        attempts: (eb) => eb('attempts', '+', 1),
        // Taking a job whose lease ran out means its worker stopped while working on it.
        stalls: sql<number>`stalls + case when status = 'active' then 1 else 0 end`,
        updated_at: now,
      })
      .where('id', '=', (eb) => {
        const due = eb
          .selectFrom('jobs')
          .select('id')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_after', '<=', now)]),
              // One whose tries are used up is given up instead, however the race with giveUpStopped goes.
              w.and([w('status', '=', 'active'), w('locked_until', '<', now), w('attempts', '<', this.policy.maxAttempts)]),
            ]),
          )
          .orderBy('id')
          .limit(1);
        return this.dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      })
      .returning(['id', 'run_id', 'mailbox', 'attempts'])
      .executeTakeFirst();
    return row ? { id: row.id, runId: row.run_id, mailbox: row.mailbox, attempts: row.attempts } : null;
  }

  /**
   * A mail that kills or hangs its worker every time would be taken again after every lease:
   * once its tries are used up it is a dead letter instead, saying so. The lease in the
   * condition makes a worker that came back meanwhile keep its job.
   */
  private async giveUpStopped(): Promise<void> {
    const now = this.at();
    const stopped = await this.db
      .selectFrom('jobs')
      .select(['id', 'stalls', 'locked_until', 'last_error'])
      .where('status', '=', 'active')
      .where('locked_until', '<', now)
      .where('attempts', '>=', this.policy.maxAttempts)
      .execute();
    for (const job of stopped) {
      const times = job.stalls + 1;
      const error = `worker stopped ${times} ${times === 1 ? 'time' : 'times'} while working on it${job.last_error ? `; before that: ${job.last_error}` : ''}`;
      await this.db
        .updateTable('jobs')
        .set({ status: 'dead', stalls: times, locked_by: null, locked_until: null, last_error: error, last_error_code: 'worker_stopped', updated_at: now })
        .where('id', '=', job.id)
        .where('status', '=', 'active')
        .where('locked_until', '=', job.locked_until)
        .execute();
    }
  }

  async extend(id: number, worker: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ locked_until: this.at(this.policy.leaseMs) })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(id: number, worker: string): Promise<'done' | 'lost'> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'done', locked_by: null, locked_until: null, updated_at: this.at() })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0 ? 'done' : 'lost';
  }

  async fail(id: number, worker: string, failure: FailureRecord): Promise<'retry' | 'dead' | 'lost'> {
    const job = await this.db.selectFrom('jobs').select('attempts').where('id', '=', id).where('locked_by', '=', worker).where('status', '=', 'active').executeTakeFirst();
    if (!job) return 'lost';
    const dead = failure.permanent || job.attempts >= this.policy.maxAttempts;
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: dead ? 'dead' : 'queued',
        run_after: this.at(dead ? 0 : backoffMs(this.policy, job.attempts, this.random)),
        locked_by: null,
        locked_until: null,
        last_error: failure.message,
        last_error_code: failure.code,
        updated_at: this.at(),
      })
      .where('id', '=', id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return 'lost';
    return dead ? 'dead' : 'retry';
  }

  async revive(runId: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, stalls: 0, run_after: this.at(), updated_at: this.at() })
      .where('run_id', '=', runId)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async counts(): Promise<QueueCounts> {
    const rows = await this.db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '!=', 'done').groupBy('status').execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { queued: count('queued'), active: count('active'), dead: count('dead') };
  }

  async dead(): Promise<DeadJob[]> {
    const rows = await this.db.selectFrom('jobs').select(['run_id', 'mailbox', 'attempts', 'last_error', 'last_error_code']).where('status', '=', 'dead').orderBy('id').execute();
    return rows.map((r) => ({ runId: r.run_id, mailbox: r.mailbox, attempts: r.attempts, code: isFailureCode(r.last_error_code) ? r.last_error_code : null, error: r.last_error ?? '' }));
  }
}
