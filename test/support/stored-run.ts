import type { Customer } from '../../src/domain/customer.js';
import type { LineMatch } from '../../src/domain/line-match.js';
import type { Person } from '../../src/domain/person.js';
import type { RequestedLine } from '../../src/domain/requested-line.js';
import { newContext, type PricedLine, type WorkflowContext } from '../../src/workflow/context.js';
import type { ReviewAction, ReviewActionKind } from '../../src/workflow/review.js';
import type { StoredRun, StoredRunStatus } from '../../src/workflow/run-store.js';
import { product } from '../matching/catalog.js';
import { offerDraft } from './offer-draft.js';
import { parsedEmail } from './parsed-email.js';

/** A requested line as a run holds it: found (a sure code match, priced) or not found at all. */
export interface LineSpec {
  description: string;
  found: boolean;
  quantity?: string | null;
}

function requested(spec: LineSpec): RequestedLine {
  const quantity = spec.quantity === undefined ? '1' : spec.quantity;
  return { text: `${quantity ?? ''} ${spec.description}`.trim(), description: spec.description, quantity, unit: 'kpl', code: null, per: null, uncertain: null };
}

function matchOf(spec: LineSpec, index: number): LineMatch {
  return spec.found
    ? { product: product(`10000${index}`, spec.description), confidence: 1, method: 'code', alternatives: [] }
    : { product: null, confidence: 0, method: 'none', alternatives: [] };
}

function pricedOf(spec: LineSpec, index: number): PricedLine[] {
  if (!spec.found) return [];
  return [{ requestIndex: index, sku: `10000${index}`, name: spec.description, quantity: '1', unit: 'kpl', unitPrice: '1.00', discountPercent: '0', vatRate: '25.5', lineTotal: '1.00', conversion: null }];
}

export const customer = (number: string, name: string): Customer => ({ number, name, businessId: null, vat: null, email: null, domains: [], sellerNumber: null, pricelist: null, address: { street: null, postalCode: null, city: null, country: null } });
export const person = (number: string, name: string): Person => ({ number, name, email: `${number}@seller.fi`, phone: null, role: null, language: null });

export const action = (kind: ReviewActionKind, at: string, revision = 1): ReviewAction => ({ id: `${kind}-${at}`, kind, by: { id: 'mikko@seller.fi', name: 'Mikko Myyjä' }, at, summary: kind, revision });

export interface RunSpec {
  status: StoredRunStatus;
  createdAt?: string;
  /** The mail's Date header. */
  sent?: string | null;
  lines?: LineSpec[];
  customer?: Customer | null;
  salesperson?: Person | null;
  /** Whether the offer is in the ERP. */
  offered?: boolean;
  actions?: ReviewAction[];
  context?: Partial<WorkflowContext>;
}

/** A stored run built by hand: a run in the state a test names, without running the workflow. */
export function storedRun(id: number, spec: RunSpec): StoredRun {
  const lines = spec.lines ?? [{ description: 'Kupariputki 22x1,0', found: true }];
  const createdAt = spec.createdAt ?? '2026-03-02T08:00:00.000Z';
  const context: WorkflowContext = {
    ...newContext({ mailbox: 'rfq@seller.fi', messageId: `<${id}@putki.fi>` }, `OF-${id}`, false),
    email: parsedEmail({ subject: `Request ${id}`, date: spec.sent === undefined ? createdAt : spec.sent }),
    customer: spec.customer === undefined ? customer('20001', 'Putki Oy') : spec.customer,
    salesperson: spec.salesperson === undefined ? person('101', 'Mikko Myyjä') : spec.salesperson,
    requestedLines: lines.map(requested),
    matches: lines.map(matchOf),
    pricedLines: lines.flatMap(pricedOf),
    offer: spec.offered === false ? null : { ...offerDraft(`OF-${id}`), number: `${10000 + id}` },
    review: { revision: spec.actions?.length ?? 0, actions: spec.actions ?? [] },
    notAnRfq: spec.status === 'not_an_rfq',
    ...spec.context,
  };
  return { id, key: context.key, status: spec.status, subject: `Request ${id}`, context, createdAt, updatedAt: createdAt };
}
