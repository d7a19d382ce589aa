import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotationOf, quotationXml } from '../../../src/erp/files/ubl-quotation.js';
import { reviewedDraft } from '../../support/offer-draft.js';
import { tempDataDir } from '../../support/seller.js';
import { expectValidQuotations } from '../../support/ubl.js';

const SELLER = { name: 'Teknotukku Oy & Co', businessId: '2786402-8' };

describe('the UBL 2.1 Quotation of an offer', () => {
  it('reads back as the offer it was written from, its number and revision', () => {
    const offer = reviewedDraft('OF-q-1');

    expect(quotationOf(quotationXml({ offer, number: '900007', revision: 3 }, SELLER))).toEqual({ offer, number: '900007', revision: 3 });
  });

  it('stays a valid document when a text holds characters XML cannot, showing each as U+FFFD', () => {
    const draft = reviewedDraft('OF-q-2');
    const offer = { ...draft, note: 'rivi\u0007kello\u000csivu \ud800 loppu', lines: draft.lines.map((l, i) => (i === 0 ? { ...l, name: 'Kupari\u0000putki' } : l)) };
    const file = join(tempDataDir(), 'OF-q-2.xml');
    writeFileSync(file, quotationXml({ offer, number: '900008', revision: 1 }, SELLER));

    expectValidQuotations([file]);
    const read = quotationOf(quotationXml({ offer, number: '900008', revision: 1 }, SELLER)).offer;
    expect(read.note).toBe('rivi\ufffdkello\ufffdsivu \ufffd loppu');
    expect(read.lines[0]?.name).toBe('Kupari\ufffdputki');
  });
});
