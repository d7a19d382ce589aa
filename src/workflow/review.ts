/** Who acted on a run in the workspace. */
export interface Reviewer {
  /** Stable: the user's email. */
  id: string;
  name: string;
}

export type ReviewActionKind = 'edit' | 'approve' | 'not_an_rfq' | 'process_again' | 'send_to_customer' | 'ask_customer' | 'customer_answer';

/** One thing a person did to a run: shown as its history, and the key to doing nothing twice. */
export interface ReviewAction {
  /** Given by the page that sent it: the same id again (a double click, a retried request) changes nothing. */
  id: string;
  kind: ReviewActionKind;
  by: Reviewer;
  at: string;
  /** What changed, in plain words. */
  summary: string;
  /** The revision this action made. */
  revision: number;
}

/**
 * What people have done to a run. `revision` grows with every action: a page shows the revision
 * it was drawn from and sends it back, and an action on an older one is refused with who changed
 * the run since, so that nothing a colleague did is overwritten unseen.
 */
export interface RunReview {
  revision: number;
  actions: ReviewAction[];
}

export const NO_REVIEW: RunReview = { revision: 0, actions: [] };
