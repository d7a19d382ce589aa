import { Failure, isFailureCode } from '../domain/failure.js';
import type { WorkflowResult } from '../workflow/result.js';
import type { WorkflowRunner } from '../workflow/runner.js';
import type { JobHandler } from './worker.js';

/**
 * A job is its run, continued from where it stopped. A failed run throws its failure: the
 * queue tries a transient one (the ERP down, say) again later, and the run resumes at the step
 * that failed; a permanent one is given up at once.
 */
export function runJob(runner: Pick<WorkflowRunner, 'processRun'>, onResult: (result: WorkflowResult, runId: number) => void = () => undefined): JobHandler {
  return async (job) => {
    const { result } = await runner.processRun(job.runId);
    onResult(result, job.runId);
    if (result.status !== 'failed') return;
    const code = result.failure && isFailureCode(result.failure.code) ? result.failure.code : 'internal';
    throw new Failure(code, result.errors.join('; ') || `run ${job.runId} failed`);
  };
}
