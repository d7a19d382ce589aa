import { partyRefOf, type PartyRef } from '../domain/customer.js';
import type { StoredRun, StoredRunStatus } from '../workflow/run-store.js';
import { problemsOf, runView, type Problem } from '../workflow/run-view.js';

/**
 * The runs that were requests: finished with an offer to make, whether it was made or not.
 * `not_an_rfq` and `duplicate` asked for nothing new; `queued` and `running` have no outcome yet.
 */
const REQUEST_STATUSES: readonly StoredRunStatus[] = ['created', 'needs_review', 'failed'];

/** What the insight figures need of one run: small, so that a year of runs is read a page at a time and kept as this. */
export interface RunFacts {
  id: number;
  status: StoredRunStatus;
  createdAt: string;
  request: boolean;
  /**
   * Ended `created` (nothing to review) with its offer in the ERP, and no person acted on it in
   * the workspace: not even to approve it.
   */
  touchless: boolean;
  /** Each cause once per run, however many of its lines have it. */
  causes: Problem[];
  /** From the mail's arrival to its first approval; null when it was never approved. */
  msToApproval: number | null;
  customer: PartyRef | null;
  salesperson: PartyRef | null;
  /** The customer's words of each line that found no product. */
  gaps: string[];
}

/**
 * When the mail came: its Date header, unless that is later than Offerflow took the mail in
 * (a sender's clock running fast), and the run's creation when the mail has no date.
 */
export function arrivalOf(run: StoredRun): string {
  const sent = run.context.email?.date;
  return sent && Date.parse(sent) < Date.parse(run.createdAt) ? sent : run.createdAt;
}

function msToApproval(run: StoredRun): number | null {
  const approval = run.context.review.actions.find((a) => a.kind === 'approve');
  return approval ? Math.max(0, Date.parse(approval.at) - Date.parse(arrivalOf(run))) : null;
}

export function runFacts(run: StoredRun): RunFacts {
  const { context } = run;
  const view = runView(run);
  const request = REQUEST_STATUSES.includes(run.status);
  const causes = new Set(problemsOf(view));
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt,
    request,
    touchless: run.status === 'created' && context.offer !== null && context.review.actions.length === 0,
    causes: [...causes],
    msToApproval: msToApproval(run),
    customer: partyRefOf(context.customer),
    salesperson: partyRefOf(context.salesperson),
    gaps: view.lines.filter((l) => l.problems.includes('no_product')).map((l) => l.requested.description || l.requested.text),
  };
}
