/** A mailbox's rollout step: shadow first, then review, then auto. */
export const MAILBOX_MODES = ['shadow', 'review', 'auto'] as const;
export type MailboxMode = (typeof MAILBOX_MODES)[number];

/** What the runs of a mailbox in a mode may do. */
export interface MailboxModeRules {
  /** Every step runs, but nothing is written to the ERP. */
  readonly dryRun: boolean;
  /** The salesperson is mailed about the run. */
  readonly notifies: boolean;
  /** The salesperson is asked to look at every offer, not only at those the run flagged. */
  readonly reviewsEveryOffer: boolean;
  /** A mail whose run has finished is moved to the done folder. */
  readonly marksDone: boolean;
}

const RULES: Readonly<Record<MailboxMode, MailboxModeRules>> = {
  // The mailbox is still the salespeople's own: its runs are only kept, to compare with what they did.
  shadow: { dryRun: true, notifies: false, reviewsEveryOffer: false, marksDone: false },
  review: { dryRun: false, notifies: true, reviewsEveryOffer: true, marksDone: true },
  auto: { dryRun: false, notifies: true, reviewsEveryOffer: false, marksDone: true },
};

export function modeRules(mode: MailboxMode): MailboxModeRules {
  return RULES[mode];
}

export function isMailboxMode(value: string): value is MailboxMode {
  return (MAILBOX_MODES as readonly string[]).includes(value);
}
