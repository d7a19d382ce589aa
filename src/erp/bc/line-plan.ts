import { lineChanges, sameLineKind, type QuoteLineBody } from './mapper.js';
import type { WireQuoteLine } from './wire.js';

/** One write to a quote's lines. */
export type LineStep =
  | { kind: 'delete'; line: WireQuoteLine }
  | { kind: 'patch'; line: WireQuoteLine; changes: Partial<QuoteLineBody> }
  | { kind: 'post'; body: QuoteLineBody };

/** Removals first, so that a quote stopped halfway never holds more lines than the larger of its old and new versions. */
const ORDER: Record<LineStep['kind'], number> = { delete: 0, patch: 1, post: 2 };
const inOrder = (steps: LineStep[]) => steps.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

/** Only what a fresh creation needs: the lines whose sequence no line holds yet. */
export function missingLines(held: WireQuoteLine[], wanted: QuoteLineBody[]): LineStep[] {
  const stored = new Set(held.map((line) => line.sequence));
  return wanted.filter((body) => !stored.has(body.sequence)).map((body) => ({ kind: 'post', body }));
}

/**
 * Lines are matched by sequence, BC's key of a line within its quote, which Offerflow sets
 * from a line's position. A line whose item or kind differs cannot be changed (BC refuses a
 * new `lineObjectNumber`), so it is deleted and added again; a line at a sequence the draft
 * lacks goes.
 */
export function linePlan(held: WireQuoteLine[], wanted: QuoteLineBody[]): LineStep[] {
  const bySequence = new Map(wanted.map((body) => [body.sequence, body]));
  const kept = new Set<number>();
  const steps: LineStep[] = [];
  for (const line of held) {
    const body = bySequence.get(line.sequence);
    if (!body || !sameLineKind(line, body)) {
      steps.push({ kind: 'delete', line });
      continue;
    }
    kept.add(line.sequence);
    const changes = lineChanges(line, body);
    if (Object.keys(changes).length) steps.push({ kind: 'patch', line, changes });
  }
  for (const body of wanted) if (!kept.has(body.sequence)) steps.push({ kind: 'post', body });
  return inOrder(steps);
}
