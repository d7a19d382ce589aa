import type { Clock } from '../time/clock.js';
import type { RunKey, WorkflowContext } from '../workflow/context.js';
import {
  claimFor,
  claimLost,
  type ClaimOutcome,
  type ClaimRequest,
  type CurrentClaim,
  type RunStore,
  type StoredRun,
  type StoredRunStatus,
  type SummaryChoices,
} from '../workflow/run-store.js';
import { inboxOrder, inFilter, runSummaryOf, type RunSummary, type SummaryFilter, type SummaryList, type SummaryPage } from '../workflow/run-summary.js';

interface MemoryRun extends StoredRun {
  raw: Buffer;
  claim: CurrentClaim;
}

/** For dry runs: the workflow runs whole, and nothing of it is kept. */
export class MemoryRunStore implements RunStore {
  private readonly runs: MemoryRun[] = [];
  /** Creates and saves so far: the summaries' version. */
  private writes = 0;

  constructor(private readonly clock: Clock) {}

  async findByKey(key: RunKey): Promise<StoredRun | null> {
    return this.runs.find((r) => r.key.mailbox === key.mailbox && r.key.messageId === key.messageId) ?? null;
  }

  async create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun> {
    const now = this.clock.now().toISOString();
    const run: MemoryRun = { id: this.runs.length + 1, key, status: 'queued', subject: '', context, createdAt: now, updatedAt: now, raw: rawEmail, claim: { token: 0, holder: null, until: null } };
    this.runs.push(run);
    this.writes += 1;
    return run;
  }

  async claim(id: number, request: ClaimRequest): Promise<ClaimOutcome> {
    const run = this.run(id);
    const outcome = claimFor(run.claim, request);
    if (outcome.kind === 'claimed') run.claim = { token: outcome.token, holder: request.holder, until: request.until };
    return outcome;
  }

  async renew(id: number, token: number, holder: string, now: string, until: string): Promise<boolean> {
    const run = this.run(id);
    if (run.claim.token !== token || run.claim.holder !== holder || run.claim.until === null || run.claim.until < now) return false;
    run.claim.until = until;
    return true;
  }

  async release(id: number, token: number): Promise<void> {
    const run = this.run(id);
    if (run.claim.token === token) run.claim = { token, holder: null, until: null };
  }

  async save(id: number, token: number, status: StoredRunStatus, context: WorkflowContext): Promise<void> {
    const run = this.run(id);
    if (run.claim.token !== token) throw claimLost(id);
    Object.assign(run, { status, context, subject: context.email?.subject ?? '', updatedAt: this.clock.now().toISOString() });
    this.writes += 1;
  }

  async rawEmail(id: number): Promise<Buffer> {
    return this.run(id).raw;
  }

  async get(id: number): Promise<StoredRun | null> {
    return this.runs[id - 1] ?? null;
  }

  async list(limit: number): Promise<StoredRun[]> {
    return [...this.runs].reverse().slice(0, limit);
  }

  async createdSince(since: string, statuses: readonly StoredRunStatus[], afterId: number, limit: number): Promise<StoredRun[]> {
    return this.runs.filter((r) => r.createdAt >= since && r.id > afterId && statuses.includes(r.status)).slice(0, limit);
  }

  /** Made from the runs themselves on each call: nothing is kept, so nothing can fall out of date. */
  async listSummaries(filter: SummaryFilter, page: SummaryPage): Promise<SummaryList> {
    const held = this.summaries().filter((s) => inFilter(s, filter)).sort(inboxOrder);
    return { summaries: held.slice(page.offset, page.offset + page.limit), total: held.length };
  }

  async summariesVersion(): Promise<string> {
    return String(this.writes);
  }

  async summaryChoices(): Promise<SummaryChoices> {
    const summaries = this.summaries();
    const customers = new Map(summaries.flatMap((s) => (s.customer ? [[s.customer.number, s.customer] as const] : [])));
    return {
      mailboxes: [...new Set(summaries.map((s) => s.mailbox))].sort(),
      customers: [...customers.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  private summaries(): RunSummary[] {
    return this.runs.map(runSummaryOf);
  }

  private run(id: number): MemoryRun {
    const run = this.runs[id - 1];
    if (!run) throw new Error(`no run ${id}`);
    return run;
  }
}
