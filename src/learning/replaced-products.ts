import { equal } from '../domain/money.js';
import type { Offer, OfferLine } from '../domain/offer.js';
import type { WorkflowContext } from '../workflow/context.js';

/** A requested line whose product a person replaced in the ERP's offer itself. */
export interface Replacement {
  /** Index into the run's `requestedLines`. */
  requestIndex: number;
  position: number;
  /** What Offerflow wrote at `position`, and what the ERP's offer holds there now. */
  from: string;
  to: string;
}

/** Why an offer read back teaches nothing at all. */
export type NothingToCompare = 'rows removed' | 'the draft is not the offer written: a workspace edit not approved';

const byPosition = (lines: readonly OfferLine[]) => [...lines].sort((a, b) => a.position - b.position);

const sameRows = (a: readonly OfferLine[], b: readonly OfferLine[]) =>
  a.length === b.length && a.every((line, i) => line.position === b[i]!.position && line.sku === b[i]!.sku && equal(line.quantity, b[i]!.quantity));

/**
 * The requested lines whose product was replaced in the ERP, compared with the offer Offerflow
 * last wrote there (`context.offer`: the created one, or the one a person approved). Only where
 * it cannot be anything else, since learning a wrong product is worse than learning none:
 *
 * - every position Offerflow wrote is still in the offer (a removed row may have renumbered
 *   the rest); rows at new positions answer no requested line and are passed over;
 * - at that position the sku changed, the new one was nowhere in what Offerflow wrote, and the
 *   old one is nowhere in the offer now: a row moved or rows reordered are not a replacement;
 * - its quantity is unchanged, or it is the only row whose product changed;
 * - the line was read from the mail and matched by Offerflow: a product a person chose in the
 *   workspace (or a line they added there) was taught there already.
 *
 * A draft that differs from the offer written (a workspace edit not yet approved) is not
 * compared: what the person is doing in the workspace stands.
 */
export function replacedProducts(context: WorkflowContext, current: Offer): Replacement[] | NothingToCompare {
  // In position order, the offer written lines up with the draft, whose line i is priced line i.
  const written = byPosition(context.offer?.lines ?? []);
  if (!sameRows(written, context.draft?.lines ?? [])) return 'the draft is not the offer written: a workspace edit not approved';
  const now = new Map(current.lines.map((line) => [line.position, line]));
  if (written.some((line) => !now.has(line.position))) return 'rows removed';
  const writtenSkus = new Set(written.map((line) => line.sku));
  const currentSkus = new Set(current.lines.map((line) => line.sku));
  const changed = written.flatMap((line, i) => (now.get(line.position)!.sku === line.sku ? [] : [{ line, row: now.get(line.position)!, priced: context.pricedLines[i] }]));
  return changed.flatMap(({ line, row, priced }) => {
    const moved = row.sku === '' || writtenSkus.has(row.sku) || currentSkus.has(line.sku);
    const quantityKept = equal(row.quantity, line.quantity) || changed.length === 1;
    const index = priced?.requestIndex;
    const byOfferflow = index !== undefined && context.requestedLines[index] !== undefined && context.matches[index]?.method !== 'chosen';
    return !moved && quantityKept && byOfferflow ? [{ requestIndex: index, position: line.position, from: line.sku, to: row.sku }] : [];
  });
}
