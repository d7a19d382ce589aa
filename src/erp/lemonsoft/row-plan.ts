import type { OfferLine } from '../../domain/offer.js';
import { offerRowToWire, rowPosition, sameRow } from './mapper.js';
import type { WireOfferRow } from './wire.js';

export type IdentifiedRow = WireOfferRow & { id: number };

/** The row-list calls that turn what an offer holds into a draft's lines: removals first, then changes, then additions. */
export interface RowPlan {
  remove: number[];
  change: IdentifiedRow[];
  add: WireOfferRow[];
}

export const planSize = (plan: RowPlan): number => plan.remove.length + plan.change.length + plan.add.length;

/** Only what a fresh creation needs: the lines whose position no row holds yet. */
export function missingRows(held: WireOfferRow[], lines: OfferLine[]): RowPlan {
  const stored = new Set(held.map(rowPosition));
  return { remove: [], change: [], add: lines.filter((line) => !stored.has(line.position)).map(offerRowToWire) };
}

/**
 * Rows are ours by position, the only thing of our draft a row carries back. Of several rows at
 * one position (a row list sent again after its answer was lost and the offer read too soon)
 * one is kept, the one already right if any; rows at positions the draft lacks, or at none,
 * go, so that the offer ends up exactly the draft.
 */
export function rowPlan(held: IdentifiedRow[], lines: OfferLine[]): RowPlan {
  const wanted = new Map(lines.map((line) => [line.position, line]));
  const kept = new Map<number, IdentifiedRow>();
  for (const row of held) {
    const position = rowPosition(row);
    const line = position === null ? undefined : wanted.get(position);
    if (!line) continue;
    const keeper = kept.get(line.position);
    if (!keeper || (!sameRow(keeper, line) && sameRow(row, line))) kept.set(line.position, row);
  }
  const keptIds = new Set([...kept.values()].map((row) => row.id));
  return {
    remove: held.filter((row) => !keptIds.has(row.id)).map((row) => row.id),
    change: [...kept].filter(([position, row]) => !sameRow(row, wanted.get(position)!)).map(([position, row]) => ({ ...offerRowToWire(wanted.get(position)!), id: row.id })),
    add: lines.filter((line) => !kept.has(line.position)).map(offerRowToWire),
  };
}
