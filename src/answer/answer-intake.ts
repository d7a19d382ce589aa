import { parseEmail } from '../email/parse-email.js';
import type { ReviewService } from '../review/review-service.js';
import type { WorkflowRunner } from '../workflow/runner.js';
import type { RunStore } from '../workflow/run-store.js';
import type { CustomerReplies } from './customer-replies.js';
import { readAnswer } from './read-answer.js';

export interface AnswerIntakeDeps {
  runs: RunStore;
  runner: Pick<WorkflowRunner, 'revise'>;
  review: Pick<ReviewService, 'applyAnswer'>;
  replies: Pick<CustomerReplies, 'answered' | 'markAnswered'>;
}

/**
 * Takes a newly arrived mail that answers questions Offerflow asked (found by its thread,
 * whatever mailbox it came to) to the run that asked them, instead of working on it as a new
 * request: the answer goes on in that run, and the mail's own run ends as what it is, an answer.
 * A mail a machine sent (an auto-reply, a bounce) answers nothing, and is worked on as any mail.
 */
export async function takeAnswer(deps: AnswerIntakeDeps, runId: number): Promise<boolean> {
  const run = await deps.runs.get(runId);
  if (!run || run.status !== 'queued') return false;
  const { email } = await parseEmail(await deps.runs.rawEmail(runId));
  if (email.automated) return false;
  const asked = await deps.replies.answered(email);
  if (!asked) return false;
  const by = { id: `customer:${email.from?.address ?? 'unknown'}`, name: email.from?.name || email.from?.address || 'the customer' };
  const answerKey = `${run.key.mailbox}/${run.key.messageId}`;
  await deps.review.applyAnswer(asked.runId, answerKey, readAnswer(email.text, asked.questions), by);
  await deps.replies.markAnswered(asked.messageId, answerKey);
  await deps.runner.revise(runId, async (answer) => ({
    save: {
      status: 'not_an_rfq',
      context: { ...answer.context, email, notAnRfq: true, warnings: [...answer.context.warnings, `the customer's answer to the questions of run ${asked.runId}, taken to that run`] },
    },
    answer: undefined,
  }));
  return true;
}
