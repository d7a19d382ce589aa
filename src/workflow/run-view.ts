import type { LineMatch, MatchCandidate } from '../domain/line-match.js';
import type { RequestedLine } from '../domain/requested-line.js';
import type { PricedLine } from './context.js';
import type { StoredRun } from './run-store.js';

/** Below this a match found by the name is shown as one to check, whatever let it through. */
const SURE_CONFIDENCE = 0.85;

/** What the salesperson should do about a line; each has its own words in every language. */
export type LineProblem = 'no_product' | 'unsure_product' | 'no_quantity' | 'unsure_quantity' | 'not_priced';

/** How sure a line is: green, amber or red on the screen, with the number beside it. */
export type LineTone = 'sure' | 'check' | 'missing';

export interface LineView {
  /** Index into the run's requested lines, as edits name them. */
  index: number;
  requested: RequestedLine;
  match: LineMatch;
  tone: LineTone;
  /** Candidates other than the product on the line, best first. */
  candidates: MatchCandidate[];
  priced: PricedLine | null;
  problems: LineProblem[];
}

export type RunProblem = 'no_customer' | 'no_salesperson' | 'not_an_rfq' | 'failed' | 'no_lines';

/** Anything the run page lists to look at: of the run or of one of its lines. */
export type Problem = RunProblem | LineProblem;

export interface RunView {
  run: StoredRun;
  lines: LineView[];
  problems: RunProblem[];
  /** The run's own words on why it needs a look, what it warns of, and what failed. */
  notes: string[];
}

function toneOf(match: LineMatch): LineTone {
  if (!match.product) return 'missing';
  if (match.method === 'name' && match.confidence < SURE_CONFIDENCE) return 'check';
  return 'sure';
}

function lineProblems(requested: RequestedLine, match: LineMatch, priced: PricedLine | null): LineProblem[] {
  const problems: LineProblem[] = [];
  if (!match.product) problems.push('no_product');
  else if (toneOf(match) === 'check') problems.push('unsure_product');
  if (requested.quantity === null) problems.push('no_quantity');
  else if (requested.uncertain) problems.push('unsure_quantity');
  if (match.product && !priced) problems.push('not_priced');
  return problems;
}

function lineView(index: number, requested: RequestedLine, match: LineMatch | undefined, priced: PricedLine | null): LineView {
  const found = match ?? { product: null, confidence: 0, method: 'none' as const, alternatives: [] };
  const candidates = found.alternatives.filter((c) => c.sku !== found.product?.sku);
  return { index, requested, match: found, tone: toneOf(found), candidates, priced, problems: lineProblems(requested, found, priced) };
}

/**
 * The run as the run page shows it: each requested line beside its match and price, and what
 * to look at, worked out from the run's data rather than from the words of its reasons.
 */
export function runView(run: StoredRun): RunView {
  const { context } = run;
  const priced = new Map(context.pricedLines.map((p) => [p.requestIndex, p]));
  const lines = context.requestedLines.map((requested, i) => lineView(i, requested, context.matches[i], priced.get(i) ?? null));
  const problems: RunProblem[] = [];
  if (context.failure) problems.push('failed');
  if (context.notAnRfq) problems.push('not_an_rfq');
  else if (lines.length === 0) problems.push('no_lines');
  if (context.email && !context.customer) problems.push('no_customer');
  if (context.email && !context.salesperson) problems.push('no_salesperson');
  const notes = [...context.reviewReasons, ...context.warnings, ...context.errors, ...(context.failure ? [context.failure.message] : [])];
  return { run, lines, problems, notes: [...new Set(notes)] };
}

/** Every problem the view lists, the run's then each line's, a line's as often as lines have it. */
export function problemsOf(view: RunView): Problem[] {
  return [...view.problems, ...view.lines.flatMap((line) => line.problems)];
}
