import { describe, expect, it } from 'vitest';
import { linePlan, missingLines } from '../../../src/erp/bc/line-plan.js';
import { quoteLinesToWire, type QuoteLineBody } from '../../../src/erp/bc/mapper.js';
import type { WireQuoteLine } from '../../../src/erp/bc/wire.js';
import { offerDraft, reviewedDraft } from '../../support/offer-draft.js';

/** A line as BC stores what was sent: codes upper-cased, amounts and ids of its own. */
function stored(body: QuoteLineBody, id = `line-${body.sequence}`): WireQuoteLine {
  return { ...body, id, lineObjectNumber: body.lineObjectNumber?.toUpperCase() ?? '', unitOfMeasureCode: body.unitOfMeasureCode?.toUpperCase() ?? '', amountExcludingTax: 1, taxPercent: 25.5, '@odata.etag': `W/"${id}"` };
}

const kinds = (plan: ReturnType<typeof linePlan>) => plan.map((step) => `${step.kind} ${step.kind === 'post' ? step.body.sequence : step.line.sequence}`);

describe('Business Central line plan', () => {
  it('has nothing to do for lines that already are the draft, whatever BC fills in of its own', () => {
    const wanted = quoteLinesToWire(reviewedDraft());
    expect(linePlan(wanted.map((body) => stored(body)), wanted)).toEqual([]);
  });

  it('removes first, then changes, then adds, each line matched by its sequence', () => {
    const held = quoteLinesToWire(offerDraft()).map((body) => stored(body));
    const plan = linePlan(held, quoteLinesToWire(reviewedDraft()));
    expect(kinds(plan)).toEqual(['delete 20000', 'patch 1', 'patch 10000', 'post 2', 'post 30000', 'post 30001', 'post 40000']);
    expect(plan[1]).toMatchObject({ changes: { description: 'Tilaus 55/26' } });
    expect(plan[2]).toMatchObject({ changes: { quantity: 12, unitPrice: 8 } });
    // In the order BC validates them: a new quantity finds the price and line discount again, so both follow it.
    expect(plan[2]!.kind === 'patch' && Object.keys(plan[2]!.changes)).toEqual(['quantity', 'unitPrice', 'discountPercent']);
  });

  it('deletes a line of another item at a sequence, and the comment lines the draft lacks', () => {
    const [reference, first] = quoteLinesToWire(offerDraft()) as [QuoteLineBody, QuoteLineBody];
    const plan = linePlan([stored(reference), stored({ ...first, lineObjectNumber: '2000020' })], [first]);
    expect(kinds(plan)).toEqual(['delete 1', 'delete 10000', 'post 10000']);
  });

  it('for a creation adds only the lines no sequence holds yet, changing none', () => {
    const wanted = quoteLinesToWire(offerDraft());
    const held = [stored({ ...wanted[1]!, quantity: 99 })];
    expect(missingLines(held, wanted).map((step) => step.kind === 'post' && step.body.sequence)).toEqual(wanted.filter((b) => b.sequence !== wanted[1]!.sequence).map((b) => b.sequence));
  });
});
