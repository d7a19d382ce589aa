import type { RunKey, WorkflowContext } from '../workflow/context.js';
import type { RunStore, StoredRun, StoredRunStatus } from '../workflow/run-store.js';

/** For dry runs: the workflow runs whole, and nothing of it is kept. */
export class MemoryRunStore implements RunStore {
  private readonly runs: (StoredRun & { raw: Buffer })[] = [];

  async findByKey(key: RunKey): Promise<StoredRun | null> {
    return this.runs.find((r) => r.key.mailbox === key.mailbox && r.key.messageId === key.messageId) ?? null;
  }

  async create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun> {
    const now = new Date().toISOString();
    const run = { id: this.runs.length + 1, key, status: 'queued' as const, subject: '', context, createdAt: now, updatedAt: now, raw: rawEmail };
    this.runs.push(run);
    return run;
  }

  async save(id: number, status: StoredRunStatus, context: WorkflowContext): Promise<void> {
    const run = this.runs[id - 1];
    if (run) Object.assign(run, { status, context, subject: context.email?.subject ?? '', updatedAt: new Date().toISOString() });
  }

  async rawEmail(id: number): Promise<Buffer> {
    const run = this.runs[id - 1];
    if (!run) throw new Error(`no run ${id}`);
    return run.raw;
  }

  async get(id: number): Promise<StoredRun | null> {
    return this.runs[id - 1] ?? null;
  }

  async list(limit: number): Promise<StoredRun[]> {
    return [...this.runs].reverse().slice(0, limit);
  }
}
