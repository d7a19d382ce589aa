import type { RunKey, WorkflowContext } from './context.js';
import type { RunStatus } from './result.js';

/** `queued`: taken in, not started; `running`: started and not finished (or interrupted). */
export type StoredRunStatus = RunStatus | 'queued' | 'running';

export interface StoredRun {
  id: number;
  key: RunKey;
  status: StoredRunStatus;
  subject: string;
  context: WorkflowContext;
  createdAt: string;
  updatedAt: string;
}

/** Where runs live between steps; the workflow's port to its own storage. */
export interface RunStore {
  findByKey(key: RunKey): Promise<StoredRun | null>;
  /** A queued run, keeping the raw email so that any worker can run it and a failed run can be retried from the same bytes. */
  create(key: RunKey, rawEmail: Buffer, context: WorkflowContext): Promise<StoredRun>;
  save(id: number, status: StoredRunStatus, context: WorkflowContext): Promise<void>;
  rawEmail(id: number): Promise<Buffer>;
  get(id: number): Promise<StoredRun | null>;
  list(limit: number): Promise<StoredRun[]>;
}
