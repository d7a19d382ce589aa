import { partyRefOf, type PartyRef } from '../domain/customer.js';
import type { FailureRecord } from '../domain/failure.js';
import type { DecimalString } from '../domain/money.js';
import { STEP_NAMES, type StepStatus, type WorkflowContext } from './context.js';

export type RunStatus = 'created' | 'needs_review' | 'failed' | 'duplicate' | 'not_an_rfq';

export interface ResultLine {
  requested: { text: string; quantity: number | null; unit: string | null; code: string | null };
  /** `note`: which seller rule chose this product among near-duplicates, when one did. */
  match: { sku: string; name: string; confidence: number; note: string | null } | null;
  quantity: number | null;
  unit: string | null;
  /** How the requested quantity became `quantity` in the product's unit, when it had to be converted. */
  conversion: string | null;
  unitPrice: number | null;
  discountPercent: number | null;
  lineTotal: number | null;
}

/** The public shape of one processed email (`offerflow process --json`), stable for other tools. */
export interface WorkflowResult {
  success: boolean;
  status: RunStatus;
  offerNumber: string | null;
  customer: PartyRef | null;
  salesperson: PartyRef | null;
  lines: ResultLine[];
  totals: { net: number; vat: number; gross: number; currency: string };
  warnings: string[];
  errors: string[];
  /** Why a failed run failed, as a stable code, and whether trying again can help. */
  failure: { code: string; permanent: boolean } | null;
  /** Every step of the workflow in order; those that did not run are `skipped`. */
  steps: { name: string; status: StepStatus; ms: number }[];
}

function num(value: DecimalString | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** How a run that reached its end (or was stopped as not an RFQ) is judged. */
export function finalStatus(context: WorkflowContext): RunStatus {
  if (context.notAnRfq) return 'not_an_rfq';
  return context.reviewReasons.length > 0 ? 'needs_review' : 'created';
}

function resultLines(context: WorkflowContext): ResultLine[] {
  return context.requestedLines.map((requested, index) => {
    const match = context.matches[index];
    const priced = context.pricedLines.find((p) => p.requestIndex === index);
    return {
      requested: { text: requested.text, quantity: num(requested.quantity), unit: requested.unit, code: requested.code },
      match: match?.product ? { sku: match.product.sku, name: match.product.name, confidence: match.confidence, note: match.note ?? null } : null,
      quantity: num(priced?.quantity ?? requested.quantity),
      unit: priced?.unit ?? requested.unit,
      conversion: priced?.conversion ?? null,
      unitPrice: num(priced?.unitPrice),
      discountPercent: num(priced?.discountPercent),
      lineTotal: num(priced?.lineTotal),
    };
  });
}

function allSteps(context: WorkflowContext): WorkflowResult['steps'] {
  return STEP_NAMES.map((name) => {
    const step = context.steps.find((s) => s.name === name);
    return step ? { name, status: step.status, ms: step.ms } : { name, status: 'skipped', ms: 0 };
  });
}

export function toResult(context: WorkflowContext, status: RunStatus): WorkflowResult {
  const totals = context.offer?.totals ?? context.draft?.totals;
  return {
    success: status !== 'failed',
    status,
    offerNumber: context.offer?.number ?? null,
    customer: partyRefOf(context.customer),
    salesperson: partyRefOf(context.salesperson),
    lines: resultLines(context),
    totals: {
      net: num(totals?.net) ?? 0,
      vat: num(totals?.vat) ?? 0,
      gross: num(totals?.gross) ?? 0,
      currency: totals?.currency ?? 'EUR',
    },
    warnings: [...context.reviewReasons, ...context.warnings],
    errors: context.errors,
    failure: status === 'failed' && context.failure ? { code: context.failure.code, permanent: context.failure.permanent } : null,
    steps: allSteps(context),
  };
}

/** For an email the workflow could not even start on (unreadable file, store down). */
export function failedResult(failure: FailureRecord): WorkflowResult {
  return {
    success: false,
    status: 'failed',
    offerNumber: null,
    customer: null,
    salesperson: null,
    lines: [],
    totals: { net: 0, vat: 0, gross: 0, currency: 'EUR' },
    warnings: [],
    errors: [failure.message],
    failure: { code: failure.code, permanent: failure.permanent },
    steps: STEP_NAMES.map((name) => ({ name, status: 'skipped', ms: 0 })),
  };
}
