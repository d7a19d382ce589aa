import { Failure } from '../domain/failure.js';
import type { RunKey, WorkflowContext } from './context.js';
import type { PartyRef } from '../domain/customer.js';
import type { RunStatus } from './result.js';
import type { SummaryFilter, SummaryList, SummaryPage } from './run-summary.js';

/** `queued`: taken in, not started; `running`: started and not finished (or interrupted). */
export type StoredRunStatus = RunStatus | 'queued' | 'running';

/** Every status, for lists to choose from: those of a run in hand, then the ways a run ends. */
export const STORED_RUN_STATUSES = ['queued', 'running', 'needs_review', 'created', 'not_an_rfq', 'duplicate', 'failed'] as const satisfies readonly StoredRunStatus[];

export interface StoredRun {
  id: number;
  key: RunKey;
  status: StoredRunStatus;
  subject: string;
  context: WorkflowContext;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimRequest {
  /** Who asks: a process, named so that others can tell whether it still runs. */
  holder: string;
  now: string;
  /** The claim runs out then unless renewed. */
  until: string;
  /** A holder known to be gone (a process on this machine that no longer runs) loses its claim at once. */
  isGone(holder: string): boolean;
}

export type ClaimOutcome =
  | {
      kind: 'claimed';
      /** Grows by one with every claim: a fencing token. Only its holder may save the run. */
      token: number;
      /**
       * What became of the claim replaced: none or given back (`free`: nothing in flight), its
       * holder's process ended (`gone`), or it ran out while its holder may still live (`expired`,
       * at `expiredAt`: a stalled process, another machine). Writes a gone or expired holder
       * started may still be in flight.
       */
      from: 'free' | 'gone' | 'expired';
      expiredAt: string | null;
      /** Who held it before, when anyone did. */
      previous: string | null;
    }
  | { kind: 'held'; holder: string; until: string };

/** Where runs live between steps; the workflow's port to its own storage. */
export interface RunStore {
  findByKey(key: RunKey): Promise<StoredRun | null>;
  /** A queued run, keeping the raw email so that any worker can run it and a failed run can be retried from the same bytes. */
  create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun>;
  /**
   * Takes the run for one worker, atomically: free, given back, run out, or held by a gone
   * process. Anything else is 'held', and the caller waits.
   */
  claim(id: number, request: ClaimRequest): Promise<ClaimOutcome>;
  /**
   * Keeps a claim that has not run out yet; false once it has, or another worker holds the run.
   * A claim that ran out is taken again only through `claim`, which tells its taker to wait.
   */
  renew(id: number, token: number, holder: string, now: string, until: string): Promise<boolean>;
  release(id: number, token: number): Promise<void>;
  /** Only the holder of `token` saves; anyone else is refused with a `claim_lost` failure. */
  save(id: number, token: number, status: StoredRunStatus, context: WorkflowContext): Promise<void>;
  rawEmail(id: number): Promise<Buffer>;
  get(id: number): Promise<StoredRun | null>;
  list(limit: number): Promise<StoredRun[]>;
  /**
   * Runs of the given statuses created at or after `since`, in id order from after `afterId`:
   * a page at a time, for passes over a period (reading offers back, the insight figures).
   */
  createdSince(since: string, statuses: readonly StoredRunStatus[], afterId: number, limit: number): Promise<StoredRun[]>;
  /** The inbox: summaries kept with every create and save, in the inbox's order (run-summary.ts). */
  listSummaries(filter: SummaryFilter, page: SummaryPage): Promise<SummaryList>;
  /** Changes whenever any summary does (a new run, a saved one): a list that saw this value is still current. */
  summariesVersion(): Promise<string>;
  /** The mailboxes and customers the summaries name, to filter by. */
  summaryChoices(): Promise<SummaryChoices>;
}

export interface SummaryChoices {
  mailboxes: string[];
  customers: PartyRef[];
}

/** The statuses of runs done with, whose offer in the ERP is the salesperson's to change. */
export const OFFERED_STATUSES = ['created', 'needs_review'] as const satisfies readonly StoredRunStatus[];

const PAGE = 100;

/** Every run of `statuses` created since `since`, read a page at a time so that a long period never sits in memory whole. */
export async function* runsCreatedSince(runs: Pick<RunStore, 'createdSince'>, since: string, statuses: readonly StoredRunStatus[]): AsyncGenerator<StoredRun> {
  for (let after = 0; ; ) {
    const page = await runs.createdSince(since, statuses, after, PAGE);
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.id;
  }
}

/** The claim a run has now, as a store reads it. */
export interface CurrentClaim {
  token: number;
  holder: string | null;
  until: string | null;
}

/**
 * Whether `request` may take the run, and what the claim it replaces says: the one rule both
 * stores apply before their compare-and-set on the token and the claim's end.
 */
export function claimFor(current: CurrentClaim, request: ClaimRequest): ClaimOutcome {
  const token = current.token + 1;
  if (current.holder === null || current.until === null) return { kind: 'claimed', token, from: 'free', expiredAt: null, previous: null };
  if (request.isGone(current.holder)) return { kind: 'claimed', token, from: 'gone', expiredAt: null, previous: current.holder };
  if (current.until < request.now) return { kind: 'claimed', token, from: 'expired', expiredAt: current.until, previous: current.holder };
  return { kind: 'held', holder: current.holder, until: current.until };
}

export function claimLost(id: number): Failure {
  return new Failure('claim_lost', `run ${id} was taken over by another worker; this one stopped without writing`);
}
