import type { CustomerReplies } from '../answer/customer-replies.js';
import type { ReplyOutcome } from '../answer/send-reply.js';
import type { AnswerReading } from '../answer/read-answer.js';
import type { ErpAdapter } from '../erp/ports.js';
import type { PartyMemory } from '../learning/party-memory.js';
import type { PhraseMemory } from '../matching/phrase-memory.js';
import type { Clock } from '../time/clock.js';
import { newContext, STEP_NAMES, type WorkflowContext } from '../workflow/context.js';
import type { ReviewAction, ReviewActionKind, Reviewer } from '../workflow/review.js';
import type { StoredRun, StoredRunStatus } from '../workflow/run-store.js';
import { finalStatus } from '../workflow/result.js';
import type { Revision, RevisionTools, WorkflowRunner } from '../workflow/runner.js';
import type { ReviewCommand } from './review-command.js';
import { applyEdit, describeEdit, type EditTarget, type ReviewEdit } from './review-edit.js';

/** What an action came to. `repeated`: the same action id was done before, and nothing changed now. */
export type ActionOutcome =
  | { kind: 'done' | 'repeated'; revision: number }
  /** The page was drawn from an older revision: someone changed the run since, and nothing was changed now. */
  | { kind: 'stale'; revision: number; by: Reviewer; at: string }
  | { kind: 'refused'; reason: string };

export interface ActionRequest {
  runId: number;
  /** Chosen by the page for this one action: sent again, it changes nothing. */
  actionId: string;
  /** The run's revision the page shows; null for what no page shows, the customer's answer, which applies to whatever is current. */
  revision: number | null;
  by: Reviewer;
}

/** The steps an edit makes stale: prices come from the ERP for the (possibly new) customer, and the draft from the prices. */
const AFTER_EDIT = ['calculate_pricing', 'build_offer'] as const;
/** Processing again reads the mail anew up to the draft; what reaches the ERP is left to approval. */
const UP_TO_DRAFT = STEP_NAMES.filter((name) => name !== 'create_offer' && name !== 'verify_offer');

function describeReply(outcome: ReplyOutcome): string {
  switch (outcome.kind) {
    case 'sent':
      return `sent to the customer at ${outcome.to}, with ${outcome.printedBy === 'erp' ? "the ERP's own print of the offer" : "Offerflow's PDF of the offer"}`;
    case 'already_sent':
      return `already sent to the customer at ${outcome.record.recipient} (${outcome.record.sentAt})`;
    case 'uncertain':
      return `a reply to ${outcome.record.recipient} was begun at ${outcome.record.beganAt} and may have gone out: look in the sent mail before sending it yourself`;
  }
}

/** What steps run again made of the context; a step that failed refuses the action, with its reason. */
function passed(outcome: { context: WorkflowContext; failed: boolean }): WorkflowContext {
  if (outcome.failed) throw new Error(outcome.context.failure?.message ?? 'a step failed');
  return outcome.context;
}

async function targetOf(erp: ErpAdapter, edit: ReviewEdit): Promise<EditTarget> {
  switch (edit.kind) {
    case 'pick':
    case 'add': {
      const product = await erp.products.getBySku(edit.sku);
      return product && { product };
    }
    case 'customer': {
      const customer = await erp.customers.getByNumber(edit.number);
      return customer && { customer };
    }
    case 'salesperson': {
      const person = await erp.persons.getByNumber(edit.number);
      return person && { person };
    }
    default:
      return null;
  }
}

/**
 * The salesperson's actions on a run. Each runs under the run's claim, checks first whether it
 * was done already (by its id) and whether the page was current (by the revision), and records
 * itself on the run with who and when, so that the history shows it and a retry changes nothing.
 */
export class ReviewService {
  constructor(
    private readonly runner: WorkflowRunner,
    private readonly erp: ErpAdapter,
    private readonly memory: PhraseMemory,
    private readonly parties: PartyMemory,
    private readonly clock: Clock,
    /** Null where offers never go back to customers from here (the CLI). */
    private readonly replies: CustomerReplies | null = null,
  ) {}

  /** One command, whichever it is: what the pages and the API call. */
  perform(request: ActionRequest, command: ReviewCommand): Promise<ActionOutcome> {
    switch (command.kind) {
      case 'approve':
        return this.approve(request);
      case 'not_an_rfq':
        return this.notAnRfq(request);
      case 'process_again':
        return this.processAgain(request);
      case 'send_to_customer':
        return this.sendToCustomer(request);
      case 'ask_customer':
        return this.askCustomer(request, command.questions);
      default:
        return this.edit(request, command);
    }
  }

  /** Changes the draft; prices and totals are worked out again through the ERP's pricing. */
  edit(request: ActionRequest, edit: ReviewEdit): Promise<ActionOutcome> {
    return this.act(request, 'edit', async (run, tools) => {
      const target = await targetOf(this.erp, edit);
      const summary = describeEdit(edit, run.context, target);
      const edited = applyEdit(run.context, edit, target);
      const priced = passed(await tools.rerun(edited, AFTER_EDIT));
      await this.learn(run.context, edit, target, request.by);
      return { context: priced, status: run.status, summary };
    });
  }

  /**
   * The offer in the ERP becomes exactly the draft on the screen (made now where none exists yet:
   * a shadow run, a failed create), then is read back and checked like any created offer. Only
   * the draft's date is brought to today: the prices stay those the salesperson saw.
   */
  approve(request: ActionRequest): Promise<ActionOutcome> {
    return this.act(request, 'approve', async (run, tools) => {
      if (run.context.notAnRfq) return { refused: 'the run is marked not a request; process it again first' };
      if (!run.context.draft?.lines.length) return { refused: 'nothing to offer yet: choose a product for at least one line' };
      const verified = await this.writeOffer(run.context, tools, 'answered');
      const draft = verified.draft!;
      const offer = verified.offer!;
      const status = finalStatus(verified);
      const summary = `approved offer ${offer.number}: ${draft.lines.length} rows, ${draft.totals.net} ${draft.totals.currency} net`;
      const sent = status === 'created' ? await this.replyOnApproval({ ...run, context: verified, status }) : null;
      return { context: verified, status, summary: sent ? `${summary}; ${sent}` : summary };
    });
  }

  /**
   * Where the mailbox sends approved offers, the customer gets this one now. A reply that cannot
   * go out does not undo the approval: the summary says why, and "send to the customer" tries again.
   */
  private async replyOnApproval(run: StoredRun): Promise<string | null> {
    if (!this.replies?.sendsOnApproval(run)) return null;
    return this.replies.send(run).then(describeReply, (error: unknown) => `not sent to the customer: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Mails the customer the questions about lines the request does not settle; the run waits for the answer. */
  askCustomer(request: ActionRequest, questions: { line: number; text: string }[]): Promise<ActionOutcome> {
    return this.act(request, 'ask_customer', async (run) => {
      if (!this.replies) return { refused: 'customers are not mailed from here' };
      const asked = await this.replies.ask(run, questions, request.actionId);
      const lines = asked.questions.map((q) => q.line + 1).join(', ');
      return { context: run.context, status: run.status, summary: `asked the customer (${asked.recipient}) about line ${lines}` };
    });
  }

  /**
   * The customer's answer to questions about this run: each line it settles gets the chosen
   * product, as a pick by the customer; a line it does not settle is left to the salesperson with
   * the customer's words. The offer in the ERP then becomes the draft, as approving makes it,
   * without sending it to the customer: the run goes on to its offer in this run, never another.
   */
  applyAnswer(runId: number, answerKey: string, readings: AnswerReading[], by: Reviewer): Promise<ActionOutcome> {
    return this.act({ runId, actionId: `answer:${answerKey}`, revision: null, by }, 'customer_answer', async (run, tools) => {
      let context = run.context;
      const settled: string[] = [];
      const left: string[] = [];
      for (const reading of readings) {
        if (reading.sku === null) {
          left.push(`line ${reading.line + 1}: the customer answered "${reading.words.slice(0, 300)}"`);
          continue;
        }
        const edit = { kind: 'pick' as const, line: reading.line, sku: reading.sku };
        const target = await targetOf(this.erp, edit);
        if (!target) {
          left.push(`line ${reading.line + 1}: the customer chose ${reading.sku}, which the ERP no longer has`);
          continue;
        }
        await this.learn(context, edit, target, by);
        context = applyEdit(context, edit, target);
        settled.push(`line ${reading.line + 1}: ${reading.sku}`);
      }
      const priced = passed(await tools.rerun(context, AFTER_EDIT));
      const written = settled.length > 0 && !priced.dryRun ? await this.writeOffer(priced, tools, 'kept') : priced;
      const summary = [settled.length ? `the customer chose ${settled.join(', ')}` : null, left.length ? `${left.length} answer(s) left to the salesperson` : null].filter(Boolean).join('; ');
      // A person looks before the offer goes out: what the customer's words were read as is ours, not theirs.
      const reasons = [...written.reviewReasons, 'the customer answered the questions: check the offer and send it', ...left];
      return { context: { ...written, reviewReasons: reasons }, status: 'needs_review', summary: summary || 'the customer answered' };
    });
  }

  /**
   * The offer in the ERP becomes exactly the draft (made now where none exists yet), read back
   * and checked. Only the draft's date is brought to today: the prices stay those last worked out.
   * `answered`: the reasons the run needed a look are answered by the person who approved it; the
   * check may give new ones.
   */
  private async writeOffer(context: WorkflowContext, tools: RevisionTools, reasons: 'answered' | 'kept'): Promise<WorkflowContext> {
    const dated = passed(await tools.rerun(context, ['build_offer']));
    await tools.env.fence();
    const offer = await this.erp.offers.replace(dated.draft!, tools.env.fence);
    const written = { ...dated, dryRun: false, offer, reviewReasons: reasons === 'answered' ? [] : dated.reviewReasons };
    return passed(await tools.rerun(written, ['verify_offer']));
  }

  /** The offer in the ERP goes to the customer who asked for it, once. */
  sendToCustomer(request: ActionRequest): Promise<ActionOutcome> {
    return this.act(request, 'send_to_customer', async (run) => {
      if (!this.replies) return { refused: 'offers are not sent to customers from here' };
      const outcome = await this.replies.send(run);
      if (outcome.kind !== 'sent') return { refused: describeReply(outcome) };
      return { context: run.context, status: run.status, summary: describeReply(outcome) };
    });
  }

  /** The mail asks for nothing after all: the run ends as not a request. An offer already made stays in the ERP. */
  notAnRfq(request: ActionRequest): Promise<ActionOutcome> {
    return this.act(request, 'not_an_rfq', async (run) => {
      const warning = `not a request for quotation: so marked by ${request.by.name}`;
      return { context: { ...run.context, notAnRfq: true, warnings: [...run.context.warnings, warning] }, status: 'not_an_rfq', summary: 'marked not a request' };
    });
  }

  /**
   * Reads the mail again from its first step, with today's catalog and all that was learned
   * since, up to a new draft; the person's history stays, and so does the offer already in the
   * ERP, which changes only when the draft is approved.
   */
  processAgain(request: ActionRequest): Promise<ActionOutcome> {
    return this.act(request, 'process_again', async (run, tools) => {
      const { key, reference, dryRun, offer } = run.context;
      const fresh = { ...newContext(key, reference, dryRun), offer };
      const redone = passed(await tools.rerun(fresh, UP_TO_DRAFT));
      return { context: redone, status: redone.notAnRfq ? 'not_an_rfq' : 'needs_review', summary: 'processed again' };
    });
  }

  /**
   * What the edit teaches for the next mail: a product for the customer's words and code, the
   * customer for the sender (its domain follows from the addresses, see PartyMemory), the
   * salesperson for the customer. A sender who is one of the seller's own people is not taught:
   * it would make every mail they forward that customer's.
   */
  private async learn(before: WorkflowContext, edit: ReviewEdit, target: EditTarget, by: Reviewer): Promise<void> {
    if (edit.kind === 'pick' && target && 'product' in target) {
      const requested = before.requestedLines[edit.line]!;
      await this.memory.remember({ customerNumber: before.customer?.number ?? null, description: requested.description, code: requested.code, sku: target.product.sku, by });
    }
    const address = before.company?.senderAddress;
    if (edit.kind === 'customer' && target && 'customer' in target && address && !(await this.erp.persons.findByEmail(address))) {
      await this.parties.rememberCustomer({ address, customerNumber: target.customer.number, by });
    }
    if (edit.kind === 'salesperson' && target && 'person' in target && before.customer) {
      await this.parties.rememberSalesperson({ customerNumber: before.customer.number, personNumber: target.person.number, by });
    }
  }

  private async act(
    request: ActionRequest,
    kind: ReviewActionKind,
    change: (run: StoredRun, tools: RevisionTools) => Promise<{ context: WorkflowContext; status: StoredRunStatus; summary: string } | { refused: string }>,
  ): Promise<ActionOutcome> {
    return this.runner.revise(request.runId, async (run, tools): Promise<Revision<ActionOutcome>> => {
      const { review } = run.context;
      if (review.actions.some((a) => a.id === request.actionId)) return { save: null, answer: { kind: 'repeated', revision: review.revision } };
      const last = review.actions.at(-1);
      if (request.revision !== null && review.revision !== request.revision && last) return { save: null, answer: { kind: 'stale', revision: review.revision, by: last.by, at: last.at } };
      const outcome = await change(run, tools).catch((error: unknown) => ({ refused: error instanceof Error ? error.message : String(error) }));
      if ('refused' in outcome) return { save: null, answer: { kind: 'refused', reason: outcome.refused } };
      const revision = review.revision + 1;
      const action: ReviewAction = { id: request.actionId, kind, by: request.by, at: this.clock.now().toISOString(), summary: outcome.summary, revision };
      const context = { ...outcome.context, review: { revision, actions: [...review.actions, action] } };
      return { save: { context, status: outcome.status }, answer: { kind: 'done', revision } };
    });
  }
}
