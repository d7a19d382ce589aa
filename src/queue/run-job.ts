import type { WorkflowResult } from '../workflow/result.js';
import type { WorkflowRunner } from '../workflow/runner.js';
import type { JobHandler } from './worker.js';

/**
 * A job is its run, continued from where it stopped. A failed run (the ERP down, say) throws,
 * so that the queue tries again later and the run resumes at the step that failed.
 */
export function runJob(runner: Pick<WorkflowRunner, 'processRun'>, onResult: (result: WorkflowResult, runId: number) => void = () => undefined): JobHandler {
  return async (job) => {
    const { result } = await runner.processRun(job.runId);
    onResult(result, job.runId);
    if (result.status === 'failed') throw new Error(result.errors.join('; ') || `run ${job.runId} failed`);
  };
}
