import type { MailboxMode } from '../domain/mailbox-mode.js';
import type { StoredRun } from '../workflow/run-store.js';
import type { Letterhead } from './letterhead.js';
import type { ReplyLog, ReplyRecord } from './reply-log.js';
import type { MailboxReplies } from './reply-policy.js';
import type { ReplyTransport } from './reply-transport.js';
import { sendReply, type ReplyOutcome } from './send-reply.js';

export interface CustomerRepliesDeps {
  replies: ReplyLog;
  /** Null when no SMTP server is set up, or no letterhead: then no reply is ever sent, and the workspace says why. */
  transport: ReplyTransport | null;
  letterhead: Letterhead | null;
  /** By mailbox name; a mailbox not listed (the CLI's) never replies. */
  mailboxes: ReadonlyMap<string, { mode: MailboxMode; replies: MailboxReplies }>;
}

/** Why a run's offer cannot go to the customer now, or null when it can. */
export type ReplyBlock = string | null;

/** Sends runs' offers back to the customers who asked, when the mailbox's setting says so. */
export class CustomerReplies {
  constructor(private readonly deps: CustomerRepliesDeps) {}

  get(runId: number): Promise<ReplyRecord | null> {
    return this.deps.replies.get(runId);
  }

  /** Why the salesperson cannot send this run's offer to its customer, or null. */
  blockedFor(run: StoredRun): ReplyBlock {
    if (!this.deps.transport) return 'no SMTP server is set up (config notifications)';
    if (!this.deps.letterhead) return 'no letterhead is set up (config letterhead): the offer PDF needs it';
    const mailbox = this.deps.mailboxes.get(run.key.mailbox);
    if (!mailbox || mailbox.replies.policy === 'never') return `mailbox ${run.key.mailbox} does not send offers to customers`;
    if (run.context.dryRun || !run.context.offer) return 'the offer is not in the ERP yet';
    return null;
  }

  /** The salesperson's "send to the customer", or what approving does where the setting asks for it. */
  send(run: StoredRun): Promise<ReplyOutcome> {
    const blocked = this.blockedFor(run);
    if (blocked) return Promise.reject(new Error(blocked));
    const mailbox = this.deps.mailboxes.get(run.key.mailbox)!;
    const from = mailbox.replies.from ? { address: mailbox.replies.from, name: this.deps.letterhead!.name } : null;
    return sendReply(run.id, run.context, {
      replies: this.deps.replies,
      transport: this.deps.transport!,
      letterhead: this.deps.letterhead!,
      sharedSender: from,
      copySalesperson: mailbox.replies.copySalesperson,
    });
  }

  /** Whether the mailbox sends a run's offer as soon as a salesperson approves it. */
  sendsOnApproval(run: StoredRun): boolean {
    const policy = this.deps.mailboxes.get(run.key.mailbox)?.replies.policy;
    return policy === 'on_approval' || policy === 'auto';
  }

  /** A run that ended `created` on its own in an auto-mode mailbox whose setting is `auto`: its offer goes out with no one's approval. */
  async afterRun(run: StoredRun): Promise<ReplyOutcome | null> {
    const mailbox = this.deps.mailboxes.get(run.key.mailbox);
    if (run.status !== 'created' || mailbox?.mode !== 'auto' || mailbox.replies.policy !== 'auto' || this.blockedFor(run)) return null;
    return this.send(run);
  }
}
