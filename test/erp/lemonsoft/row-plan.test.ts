import { describe, expect, it } from 'vitest';
import type { OfferLine } from '../../../src/domain/offer.js';
import { offerRowToWire } from '../../../src/erp/lemonsoft/mapper.js';
import { rowPlan, type IdentifiedRow } from '../../../src/erp/lemonsoft/row-plan.js';
import { offerDraft } from '../../support/offer-draft.js';

const [one, two] = offerDraft().lines as [OfferLine, OfferLine];
const stored = (id: number, row = offerRowToWire(one)): IdentifiedRow => ({ ...row, id });

describe('Lemonsoft row plan', () => {
  it('has nothing to do for rows that already are the lines, whatever Lemonsoft fills in of its own', () => {
    const held = [{ ...stored(7), note: null, discount2: 0, inner_note: 'seen' }, stored(8, offerRowToWire(two))];
    expect(rowPlan(held, [one, two])).toEqual({ remove: [], change: [], add: [] });
  });

  it('updates a row by its id, removes rows the draft lacks and adds lines no row holds', () => {
    const changed = { ...one, quantity: '11' };
    const plan = rowPlan([stored(7), stored(8, offerRowToWire(two))], [changed, { ...two, position: 3 }]);
    expect(plan).toEqual({ remove: [8], change: [{ ...offerRowToWire(changed), id: 7 }], add: [offerRowToWire({ ...two, position: 3 })] });
  });

  it('of two rows at one position keeps the one already right', () => {
    const wrong = stored(7, { ...offerRowToWire(one), quantity: 99 });
    expect(rowPlan([wrong, stored(8)], [one])).toEqual({ remove: [7], change: [], add: [] });
  });

  it('removes rows that carry no position of ours', () => {
    expect(rowPlan([stored(7), stored(9, { ...offerRowToWire(one), position: null })], [one])).toEqual({ remove: [9], change: [], add: [] });
  });
});
