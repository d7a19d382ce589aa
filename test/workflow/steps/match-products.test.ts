import { describe, expect, it } from 'vitest';
import type { RequestedLine } from '../../../src/domain/requested-line.js';
import { matchProducts } from '../../../src/workflow/steps/match-products.js';
import { contextWith, environment } from '../../support/runner.js';
import { seededErp } from '../../support/seller.js';

function line(description: string, code: string | null = null): RequestedLine {
  return { text: description, description, quantity: '1', unit: null, code, per: null, uncertain: null };
}

describe('match_products step', () => {
  it('matches by name and by code, and sends what it cannot match to review', async () => {
    const erp = await seededErp();
    const requestedLines = [line('kupariputki 22x1,0 kova'), line('EAN', '6401234567897'), line('Lattialämmitysjakotukki 6-piiri')];
    const output = await matchProducts.run(contextWith({ requestedLines }), environment(erp));
    await erp.close();

    expect(output.patch?.matches?.map((m) => [m.product?.sku ?? null, m.method])).toEqual([
      ['1000022', 'name'],
      ['1000015', 'code'],
      [null, 'none'],
    ]);
    expect(output.review).toEqual(['line 3 "Lattialämmitysjakotukki 6-piiri" has no confident product match']);
  });

  it('names its best guess when the match is not confident', async () => {
    const erp = await seededErp();
    const output = await matchProducts.run(contextWith({ requestedLines: [line('kupariputki kova')] }), environment(erp));
    await erp.close();

    expect(output.patch?.matches?.[0]?.product).toBeNull();
    expect(output.review?.[0]).toMatch(/best guess 10000(15|22) Kupariputki/);
  });
});
