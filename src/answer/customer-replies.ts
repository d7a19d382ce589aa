import { createHash } from 'node:crypto';
import type { MailboxMode } from '../domain/mailbox-mode.js';
import type { EmailAddress } from '../email/parsed-email.js';
import type { OfferDocumentSource } from '../erp/ports.js';
import type { StoredRun } from '../workflow/run-store.js';
import { runView } from '../workflow/run-view.js';
import { lineQuestion, type LineQuestion } from './line-question.js';
import type { QuestionLog, QuestionRecord } from './question-log.js';
import { questionMail } from './question-mail.js';
import type { Letterhead } from './letterhead.js';
import type { ReplyLog, ReplyRecord } from './reply-log.js';
import type { MailboxReplies } from './reply-policy.js';
import type { ReplyTransport } from './reply-transport.js';
import { ReplyRefused } from './reply-transport.js';
import { languageOf, sendReply, type ReplyOutcome } from './send-reply.js';

export interface CustomerRepliesDeps {
  replies: ReplyLog;
  /** The ERP's print of an offer, where the ERP makes one. */
  documents: OfferDocumentSource | null;
  questions: QuestionLog;
  /** Null until the seller sets one up: then nothing is mailed to customers, and the workspace says why. */
  letterhead: Letterhead | null;
  /**
   * By mailbox name, with how its mail to customers leaves (the mailbox's own Graph account, or
   * the SMTP server; null when neither is set up); a mailbox not listed (the CLI's) never mails.
   */
  mailboxes: ReadonlyMap<string, { mode: MailboxMode; replies: MailboxReplies; transport: ReplyTransport | null }>;
}

/** Why a run's offer cannot go to the customer now, or null when it can. */
export type ReplyBlock = string | null;

/** A line the salesperson may ask the customer about, with the question as the workspace first offers it. */
export interface AskableLine {
  line: number;
  question: LineQuestion;
}

const MAX_QUESTION_CHARS = 2000;

/**
 * What goes to the customers who asked and comes back from them: the offer, when the mailbox's
 * setting says so, and questions about lines the request does not settle, whose answers are
 * found again by the thread they come in.
 */
export class CustomerReplies {
  constructor(private readonly deps: CustomerRepliesDeps) {}

  get(runId: number): Promise<ReplyRecord | null> {
    return this.deps.replies.get(runId);
  }

  /** Why the salesperson cannot send this run's offer to its customer, or null. */
  blockedFor(run: StoredRun): ReplyBlock {
    const blocked = this.blockedMail(run);
    if (blocked) return blocked;
    if (run.context.dryRun || !run.context.offer) return 'the offer is not in the ERP yet';
    return null;
  }

  /** Why nothing can be mailed to this run's customer, whatever the offer's state, or null. */
  private blockedMail(run: StoredRun): ReplyBlock {
    if (!this.deps.letterhead) return 'no letterhead is set up (config letterhead): the offer PDF needs it';
    const mailbox = this.deps.mailboxes.get(run.key.mailbox);
    if (!mailbox || mailbox.replies.policy === 'never') return `mailbox ${run.key.mailbox} does not mail customers`;
    if (!mailbox.transport) return `mailbox ${run.key.mailbox} has no way to send: set up an SMTP server (config notifications) or use a Graph mailbox`;
    return null;
  }

  /** The shared mailbox when the setting names one, else null: the salesperson sends. */
  private sharedSender(run: StoredRun): EmailAddress | null {
    const from = this.deps.mailboxes.get(run.key.mailbox)!.replies.from;
    return from ? { address: from, name: this.deps.letterhead!.name } : null;
  }

  /** The salesperson's "send to the customer", or what approving does where the setting asks for it. */
  send(run: StoredRun): Promise<ReplyOutcome> {
    const blocked = this.blockedFor(run);
    if (blocked) return Promise.reject(new Error(blocked));
    return sendReply(run.id, run.context, {
      replies: this.deps.replies,
      documents: this.deps.documents,
      transport: this.deps.mailboxes.get(run.key.mailbox)!.transport!,
      letterhead: this.deps.letterhead!,
      sharedSender: this.sharedSender(run),
      copySalesperson: this.deps.mailboxes.get(run.key.mailbox)!.replies.copySalesperson,
    });
  }

  /** The lines whose candidates the request does not tell apart: no product chosen, and more than one to choose from. */
  askable(run: StoredRun): AskableLine[] {
    if (this.blockedMail(run) || !run.context.email) return [];
    const language = languageOf(run.context);
    return runView(run)
      .lines.filter((l) => !l.match.product && l.candidates.length > 1)
      .map((l) => ({ line: l.index, question: lineQuestion(l.index, l.requested.text, l.candidates, language) }));
  }

  /**
   * Mails the customer the questions about these lines, each as the salesperson wrote it, in one
   * mail in the request's thread. The same action id names the same mail: asked again, nothing is sent twice.
   */
  async ask(run: StoredRun, asked: { line: number; text: string }[], actionId: string): Promise<QuestionRecord> {
    const blocked = this.blockedMail(run);
    if (blocked) throw new Error(blocked);
    const askable = new Map(this.askable(run).map((a) => [a.line, a.question]));
    const questions = asked.map(({ line, text }) => {
      const question = askable.get(line);
      if (!question) throw new Error(`line ${line + 1} has no choices to ask the customer about`);
      const written = text.trim() || question.text;
      if (written.length > MAX_QUESTION_CHARS) throw new Error(`the question for line ${line + 1} is over ${MAX_QUESTION_CHARS} characters`);
      return { ...question, text: written };
    });
    if (questions.length === 0) throw new Error('no line to ask about');
    const salesperson = run.context.salesperson ? { address: run.context.salesperson.email, name: run.context.salesperson.name } : null;
    const from = this.sharedSender(run) ?? salesperson;
    if (!from) throw new Error(`run ${run.id} has no salesperson to ask from, and no shared mailbox is set to send`);
    const mailbox = this.deps.mailboxes.get(run.key.mailbox)!;
    const digest = createHash('sha256').update(actionId).digest('hex').slice(0, 16);
    const mail = questionMail({
      request: run.context.email!,
      questions,
      language: languageOf(run.context),
      from,
      cc: mailbox.replies.copySalesperson ? salesperson : null,
      sellerName: this.deps.letterhead!.name,
      messageId: `<questions-${run.id}-${digest}@${from.address.split('@')[1]}>`,
    });
    if (await this.deps.questions.begin({ messageId: mail.messageId, runId: run.id, recipient: mail.to.address, questions })) {
      try {
        await mailbox.transport!.send(mail);
      } catch (error) {
        if (error instanceof ReplyRefused) await this.deps.questions.abandon(mail.messageId);
        throw error;
      }
      await this.deps.questions.sent(mail.messageId);
    }
    return (await this.deps.questions.get(mail.messageId))!;
  }

  /** The questions a mail answers, by the Message-IDs of the thread it came in; null for any other mail. */
  async answered(threadIds: string[]): Promise<QuestionRecord | null> {
    return (await this.deps.questions.askedIn(threadIds)).at(-1) ?? null;
  }

  async markAnswered(messageId: string, answerKey: string): Promise<void> {
    await this.deps.questions.answered(messageId, answerKey);
  }

  questionsOf(runId: number): Promise<QuestionRecord[]> {
    return this.deps.questions.forRun(runId);
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
