/**
 * When a mailbox's runs send their offer to the customer: never, when a salesperson approves it
 * in the workspace, or also on their own for runs that end `created` in an auto-mode mailbox.
 */
export const REPLY_POLICIES = ['never', 'on_approval', 'auto'] as const;
export type ReplyPolicy = (typeof REPLY_POLICIES)[number];

/** A mailbox's reply settings, as the config gives them. */
export interface MailboxReplies {
  policy: ReplyPolicy;
  /** The shared mailbox's address to send from; the run's salesperson when null. */
  from: string | null;
  copySalesperson: boolean;
}
