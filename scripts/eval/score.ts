import { z } from 'zod';

export const labelSchema = z.object({
  rfq: z.boolean(),
  customer: z.string().nullable(),
  salesperson: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});
export type Label = z.infer<typeof labelSchema>;

export const resultSchema = z.object({
  status: z.string(),
  customer: z.object({ number: z.string() }).nullable(),
  salesperson: z.object({ number: z.string() }).nullable(),
  lines: z.array(z.object({ match: z.object({ sku: z.string() }).nullable(), quantity: z.number().nullable() })),
});
export type Result = z.infer<typeof resultSchema>;

/** What went wrong, counted in lines for the line kinds and in mails for the others. */
export const PROBLEM_KINDS = ['missed line', 'extra line', 'wrong product', 'wrong quantity or unit', 'customer', 'salesperson', 'classification'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface Scored {
  file: string;
  rfq: boolean;
  rfqRight: boolean;
  customerRight: boolean;
  salespersonRight: boolean;
  predictedLines: number;
  expectedLines: number;
  rightLines: number;
  fullyRight: boolean;
  touchless: boolean;
  /** Ended `created`, so nobody was asked to look, yet not fully right: the failure that costs trust. */
  silentError: boolean;
  kinds: Partial<Record<ProblemKind, number>>;
  problems: string[];
}

interface Line {
  sku: string;
  quantity: number | null;
}

const lineKey = (line: Line) => `${line.sku} × ${line.quantity}`;

/** Takes from `left` the first line `same` finds for each of `right`; returns the pairs found and what is left of both. */
function pairOff(left: Line[], right: Line[], same: (a: Line, b: Line) => boolean): { pairs: number; left: Line[]; right: Line[] } {
  const remaining = [...left];
  const unpaired: Line[] = [];
  let pairs = 0;
  for (const line of right) {
    const at = remaining.findIndex((candidate) => same(candidate, line));
    if (at >= 0) {
      remaining.splice(at, 1);
      pairs += 1;
    } else unpaired.push(line);
  }
  return { pairs, left: remaining, right: unpaired };
}

/**
 * Lines are compared as a salesperson checks an offer against the request: a line right in
 * product and quantity; the same product in another quantity; a product where another was
 * asked for; one asked for and not offered (an unmatched line counts here: flagged, not
 * wrong); one offered and not asked for.
 */
function lineKinds(expected: Line[], predicted: Line[]) {
  const exact = pairOff(expected, predicted, (a, b) => lineKey(a) === lineKey(b));
  const sameSku = pairOff(exact.left, exact.right, (a, b) => a.sku === b.sku);
  const wrongProduct = Math.min(sameSku.left.length, sameSku.right.length);
  return {
    right: exact.pairs,
    wrongQuantity: sameSku.pairs,
    wrongProduct,
    missed: sameSku.left.length - wrongProduct,
    extra: sameSku.right.length - wrongProduct,
  };
}

export function score(file: string, label: Label, result: Result): Scored {
  const predictedRfq = result.status !== 'not_an_rfq';
  const predicted = result.lines.flatMap((l) => (l.match ? [{ sku: l.match.sku, quantity: l.quantity }] : []));
  const lines = lineKinds(label.lines, predicted);
  const customer = result.customer?.number ?? null;
  const salesperson = result.salesperson?.number ?? null;
  const rfqRight = predictedRfq === label.rfq;
  const customerRight = !label.rfq || customer === label.customer;
  const salespersonRight = !label.rfq || salesperson === label.salesperson;
  const linesRight = lines.right === predicted.length && lines.right === label.lines.length;
  const fullyRight = rfqRight && customerRight && salespersonRight && (!label.rfq || linesRight);
  const lineProblems: Partial<Record<ProblemKind, number>> = label.rfq
    ? { 'missed line': lines.missed, 'extra line': lines.extra, 'wrong product': lines.wrongProduct, 'wrong quantity or unit': lines.wrongQuantity }
    : {};
  const kinds: Partial<Record<ProblemKind, number>> = {
    ...lineProblems,
    classification: rfqRight ? 0 : 1,
    customer: customerRight ? 0 : 1,
    salesperson: salespersonRight ? 0 : 1,
  };
  const problems = [
    rfqRight ? null : `rfq: expected ${label.rfq}, got ${result.status}`,
    customerRight ? null : `customer: expected ${label.customer}, got ${customer}`,
    salespersonRight ? null : `salesperson: expected ${label.salesperson}, got ${salesperson}`,
    !label.rfq || linesRight
      ? null
      : `lines: expected [${label.lines.map(lineKey).join(', ')}], got [${result.lines.map((l) => (l.match ? lineKey({ sku: l.match.sku, quantity: l.quantity }) : `unmatched × ${l.quantity}`)).join(', ')}]`,
  ].filter((p): p is string => p !== null);
  return {
    file,
    rfq: label.rfq,
    rfqRight,
    customerRight,
    salespersonRight,
    predictedLines: predicted.length,
    expectedLines: label.lines.length,
    rightLines: lines.right,
    fullyRight,
    touchless: fullyRight && (result.status === 'created' || result.status === 'not_an_rfq'),
    silentError: result.status === 'created' && !fullyRight,
    kinds,
    problems: result.status === 'created' && !fullyRight ? [`SILENT (ended created): ${problems.join('; ')}`] : problems,
  };
}

export interface Figures {
  emails: number;
  requests: number;
  labelledLines: number;
  rfq: number;
  customer: number;
  salesperson: number;
  precision: number;
  recall: number;
  f1: number;
  fullyRight: number;
  touchless: number;
  silentErrors: number;
  kinds: Record<ProblemKind, number>;
}

const share = (items: Scored[], right: (s: Scored) => boolean) => (items.length ? items.filter(right).length / items.length : 1);
const sum = (items: Scored[], value: (s: Scored) => number) => items.reduce((n, s) => n + value(s), 0);

export function figures(scored: Scored[]): Figures {
  const requests = scored.filter((s) => s.rfq);
  const predicted = sum(scored, (s) => s.predictedLines);
  const expected = sum(scored, (s) => s.expectedLines);
  const right = sum(scored, (s) => s.rightLines);
  const precision = predicted ? right / predicted : 1;
  const recall = expected ? right / expected : 1;
  return {
    emails: scored.length,
    requests: requests.length,
    labelledLines: expected,
    rfq: share(scored, (s) => s.rfqRight),
    customer: share(requests, (s) => s.customerRight),
    salesperson: share(requests, (s) => s.salespersonRight),
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    fullyRight: share(scored, (s) => s.fullyRight),
    touchless: share(scored, (s) => s.touchless),
    silentErrors: scored.filter((s) => s.silentError).length,
    kinds: Object.fromEntries(PROBLEM_KINDS.map((kind) => [kind, sum(scored, (s) => s.kinds[kind] ?? 0)])) as Record<ProblemKind, number>,
  };
}
