import type { AttachmentText } from '../attachments/read-attachment.js';
import type { Customer } from '../domain/customer.js';
import type { CustomerEvidence, PartyFinding, SalespersonEvidence } from '../domain/party-finding.js';
import type { FailureRecord } from '../domain/failure.js';
import type { LineMatch } from '../domain/line-match.js';
import type { Offer, OfferDraft, OfferLine } from '../domain/offer.js';
import type { Person } from '../domain/person.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { EmailAddress, ParsedEmail } from '../email/parsed-email.js';
import type { CompanyFacts } from '../extraction/company-facts.js';
import { NO_REVIEW, type RunReview } from './review.js';

export const STEP_NAMES = [
  'parse_email',
  'extract_company',
  'find_customer',
  'find_salesperson',
  'extract_products',
  'match_products',
  'calculate_pricing',
  'build_offer',
  'create_offer',
  'verify_offer',
] as const;

export type StepName = (typeof STEP_NAMES)[number];

export type StepStatus = 'ok' | 'warning' | 'failed' | 'skipped';

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  ms: number;
  message: string | null;
}

/** One email is one run: which mailbox it came to and its Message-ID. */
export interface RunKey {
  mailbox: string;
  messageId: string;
}

/** An offer line before it has a position, tied to the requested line it answers. */
export interface PricedLine extends Omit<OfferLine, 'position' | 'note'> {
  /** Index into `requestedLines`. */
  requestIndex: number;
  /** How the requested quantity became `quantity` in the product's unit: "2 rll × 100 m = 200 m". */
  conversion: string | null;
}

/**
 * The shape of the stored context. Bumped whenever a field is added, removed or changes its
 * meaning, so that a run stored by an older release is never read as if it were of this one
 * (see context-version.ts).
 */
export const CONTEXT_VERSION = 6;

/** Why a run failed: the step, and whether trying again can help. */
export interface RunFailure extends FailureRecord {
  step: StepName | null;
}

/** Everything a run knows; plain data, stored after every step so a run can resume. */
export interface WorkflowContext {
  version: number;
  key: RunKey;
  /** Our reference in the ERP offer: derived from the key, so retries find the offer again. */
  reference: string;
  dryRun: boolean;
  email: ParsedEmail | null;
  /** Who is asking: the sender, or the original sender of a forwarded request. */
  requester: EmailAddress | null;
  body: string;
  signature: string;
  /** The asker's own words and signature: what tells who they are (a forwarded third party's Y-tunnus is not the asker's). */
  askerText: string;
  /** What could be read of each attachment; item lists may be there instead of in the body. */
  attachmentTexts: AttachmentText[];
  company: CompanyFacts | null;
  customer: Customer | null;
  /** What named `customer`, and who taught it when it was learned; null while there is no customer. */
  customerFoundBy: PartyFinding<CustomerEvidence> | null;
  salesperson: Person | null;
  /** What named `salesperson`, and who taught it when it was learned; null while there is no salesperson. */
  salespersonFoundBy: PartyFinding<SalespersonEvidence> | null;
  requestedLines: RequestedLine[];
  /** Parallel to `requestedLines`. */
  matches: LineMatch[];
  pricedLines: PricedLine[];
  draft: OfferDraft | null;
  offer: Offer | null;
  /** Set when the email turns out to ask for nothing; the run ends there. */
  notAnRfq: boolean;
  /** Why a salesperson must look before sending; any entry makes the run `needs_review`. */
  reviewReasons: string[];
  warnings: string[];
  errors: string[];
  /** Set when the run failed; cleared when it is tried again. */
  failure: RunFailure | null;
  steps: StepRecord[];
  /** What people did to the run in the workspace; the workflow's steps never touch it. */
  review: RunReview;
}

export function newContext(key: RunKey, reference: string, dryRun: boolean): WorkflowContext {
  return {
    version: CONTEXT_VERSION,
    key,
    reference,
    dryRun,
    email: null,
    requester: null,
    body: '',
    signature: '',
    askerText: '',
    attachmentTexts: [],
    company: null,
    customer: null,
    customerFoundBy: null,
    salesperson: null,
    salespersonFoundBy: null,
    requestedLines: [],
    matches: [],
    pricedLines: [],
    draft: null,
    offer: null,
    notAnRfq: false,
    reviewReasons: [],
    warnings: [],
    errors: [],
    failure: null,
    steps: [],
    review: NO_REVIEW,
  };
}
