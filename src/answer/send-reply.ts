import { normalizeCode } from '../domain/product-code.js';
import type { WorkflowContext } from '../workflow/context.js';
import { requestLanguage } from '../extraction/request-language.js';
import type { EmailAddress } from '../email/parsed-email.js';
import type { DocumentLanguage } from './document-language.js';
import type { Letterhead } from './letterhead.js';
import { offerDocumentOf } from './offer-document.js';
import { renderOfferPdf } from './offer-pdf.js';
import type { PrintedBy, ReplyLog, ReplyRecord } from './reply-log.js';
import type { OfferDocumentSource } from '../erp/ports.js';
import type { CustomerMail } from './customer-mail.js';
import { replyMail } from './reply-mail.js';
import { ReplyRefused, type ReplyTransport } from './reply-transport.js';

export interface ReplyDeps {
  replies: ReplyLog;
  /** The ERP's own print of the offer, sent in place of Offerflow's PDF where the ERP makes one. */
  documents: OfferDocumentSource | null;
  transport: ReplyTransport;
  letterhead: Letterhead;
  /** The shared mailbox's address, when replies go from it rather than from the salesperson. */
  sharedSender: EmailAddress | null;
  copySalesperson: boolean;
}

export type ReplyOutcome =
  | { kind: 'sent'; messageId: string; to: string; printedBy: PrintedBy }
  /** Sent before; nothing was sent now. */
  | { kind: 'already_sent'; record: ReplyRecord }
  /** An earlier attempt began sending and did not live to say whether the server took it: not sent again, the salesperson checks. */
  | { kind: 'uncertain'; record: ReplyRecord };

/** The customer's own code for each offer line, where the request gave one that is not our sku. */
function customerCodes(context: WorkflowContext): Map<number, string> {
  const codes = new Map<number, string>();
  context.pricedLines.forEach((line, i) => {
    const code = context.requestedLines[line.requestIndex]?.code;
    if (code && normalizeCode(code) !== normalizeCode(line.sku)) codes.set(i + 1, code);
  });
  return codes;
}

/** The request's language; Finnish, the seller's own, when its words do not tell. ERPs keep no customer language we read yet. */
export function languageOf(context: WorkflowContext): DocumentLanguage {
  return requestLanguage(`${context.email?.subject ?? ''}\n${context.body}`) ?? 'fi';
}

/** Made from the run and its offer, so that every attempt for a run names the same mail. */
function messageIdOf(runId: number, offerNumber: string, sender: EmailAddress): string {
  const domain = sender.address.split('@')[1] ?? 'offerflow.invalid';
  return `<offer-${runId}-${offerNumber.replace(/[^\w.-]+/g, '_')}@${domain}>`;
}

/** The reply, composed, with the ERP's print of the offer where it makes one and Offerflow's PDF otherwise. */
export async function composeReply(runId: number, context: WorkflowContext, deps: Pick<ReplyDeps, 'letterhead' | 'sharedSender' | 'copySalesperson' | 'documents'>): Promise<{ mail: CustomerMail; printedBy: PrintedBy }> {
  const offer = context.offer;
  if (!offer) throw new Error(`run ${runId} has no offer in the ERP to send`);
  if (!context.email) throw new Error(`run ${runId} has no request to answer`);
  const salesperson = context.salesperson ? { address: context.salesperson.email, name: context.salesperson.name } : null;
  const from = deps.sharedSender ?? salesperson;
  if (!from) throw new Error(`run ${runId} has no salesperson to send from, and no shared mailbox is set to send replies`);
  const document = offerDocumentOf({
    offer,
    customer: context.customer,
    salesperson: context.salesperson,
    customerCodes: customerCodes(context),
    language: languageOf(context),
    letterhead: deps.letterhead,
  });
  const printed = (await deps.documents?.pdf(offer.number, document.language)) ?? null;
  const mail = replyMail({
    request: context.email,
    document,
    pdf: printed ?? (await renderOfferPdf(document)),
    from,
    cc: deps.copySalesperson ? salesperson : null,
    messageId: messageIdOf(runId, offer.number, from),
  });
  return { mail, printedBy: printed ? 'erp' : 'offerflow' };
}

const outcomeOf = (record: ReplyRecord): ReplyOutcome => (record.state === 'sent' ? { kind: 'already_sent', record } : { kind: 'uncertain', record });

/**
 * Sends the run's one reply. The claim is stored before the mail leaves and marked after, so
 * that a retry after any crash sends nothing twice: a claim without its mark means the mail
 * may be out, and is left for the salesperson rather than sent again.
 */
export async function sendReply(runId: number, context: WorkflowContext, deps: ReplyDeps): Promise<ReplyOutcome> {
  const earlier = await deps.replies.get(runId);
  if (earlier) return outcomeOf(earlier);
  const { mail, printedBy } = await composeReply(runId, context, deps);
  if (!(await deps.replies.begin(runId, mail.messageId, mail.to.address, printedBy))) {
    const other = await deps.replies.get(runId);
    if (!other) throw new Error(`another attempt claimed run ${runId}'s reply and let it go; try again`);
    return outcomeOf(other);
  }
  try {
    await deps.transport.send(mail);
  } catch (error) {
    if (error instanceof ReplyRefused) await deps.replies.abandon(runId);
    throw error;
  }
  await deps.replies.sent(runId);
  return { kind: 'sent', messageId: mail.messageId, to: mail.to.address, printedBy };
}
