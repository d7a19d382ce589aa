import { describe, expect, it } from 'vitest';
import { customerFromWire, headerChanges, offerFromWire, productFromWire, quoteHeaderToWire, quoteLinesToWire, referenceFromWire, referenceToWire } from '../../../src/erp/bc/mapper.js';
import type { WireCustomer, WireItem, WireQuote } from '../../../src/erp/bc/wire.js';
import { reviewedDraft } from '../../support/offer-draft.js';
import { expectStoredAsSent } from '../conformance/stored-as-sent.js';

/** The quote BC would hold for a draft: codes upper-cased, the customer's name and the totals its own. */
function storedQuote(draft = reviewedDraft('OF-0123abcd')): WireQuote {
  const lines = quoteLinesToWire(draft).map((body) => {
    const line = draft.lines.find((l) => l.position * 10_000 === body.sequence);
    return { ...body, id: `l${body.sequence}`, lineObjectNumber: body.lineObjectNumber?.toUpperCase(), unitOfMeasureCode: body.unitOfMeasureCode?.toUpperCase(), taxPercent: line ? Number(line.vatRate) : 0, amountExcludingTax: line ? Number(line.lineTotal) : 0 };
  });
  const header = quoteHeaderToWire(draft, null);
  return {
    ...header,
    id: 'q1',
    number: 'S-QUO1001',
    customerName: draft.customer?.name,
    externalDocumentNumber: header.externalDocumentNumber,
    totalAmountExcludingTax: Number(draft.totals.net),
    totalTaxAmount: Number(draft.totals.vat),
    totalAmountIncludingTax: Number(draft.totals.gross),
    salesQuoteLines: lines,
  };
}

describe('Business Central mapper', () => {
  it('reads back a quote written from a draft as that draft: texts from comment lines, lines by sequence, units in lower case', () => {
    const draft = reviewedDraft('OF-0123abcd');
    const offer = offerFromWire(storedQuote(draft), null);
    expect(offer.number).toBe('S-QUO1001');
    expectStoredAsSent(offer, draft);
  });

  it("keeps our reference upper-cased, as BC's Code[35] does, and reads it back in Offerflow's form", () => {
    expect(referenceToWire('OF-0123abcd')).toBe('OF-0123ABCD');
    expect(referenceFromWire('OF-0123ABCD')).toBe('OF-0123abcd');
    expect(referenceFromWire('PO-77')).toBe('PO-77');
  });

  it('cuts a long note into comment lines of 100 characters and joins them again', () => {
    const note = 'x'.repeat(150);
    const draft = { ...reviewedDraft('OF-1'), note };
    const comments = quoteLinesToWire(draft).filter((l) => l.sequence >= 2 && l.sequence < 10_000);
    expect(comments.map((l) => l.description.length)).toEqual([100, 50]);
    expect(offerFromWire(storedQuote(draft), null).note).toBe(note);
  });

  it('finds no header change on the quote as written, and sends every field again with a new customer', () => {
    const quote = storedQuote();
    expect(headerChanges(quote, reviewedDraft('OF-0123abcd'), null)).toEqual({});
    expect(headerChanges(quote, { ...reviewedDraft('OF-0123abcd'), sellerNumber: null }, null)).toEqual({ salesperson: '' });
    expect(Object.keys(headerChanges(quote, { ...reviewedDraft('OF-0123abcd'), customer: { number: '20001', name: 'Putki Oy' } }, null))).toEqual(['customerNumber', 'externalDocumentNumber', 'documentDate', 'validUntilDate', 'salesperson', 'currencyCode']);
  });

  it("reads a customer's domains from its email and its website, and its business id from the VAT registration number", () => {
    const wire: WireCustomer = { id: 'c', number: '20001', displayName: 'Putki Oy', email: 'Tilaukset@Putki.fi', website: 'https://www.putki-group.com/fi', taxRegistrationNumber: 'FI15728600' };
    expect(customerFromWire(wire)).toMatchObject({ email: 'tilaukset@putki.fi', domains: ['putki.fi', 'putki-group.com'], businessId: '1572860-0', vat: 'FI15728600' });
  });

  it('reads an item with the VAT rate it is given and its unit in lower case', () => {
    const wire: WireItem = { id: 'i', number: '3000325', displayName: 'MMJ 3x2,5S', baseUnitOfMeasureCode: 'M', unitPrice: 1 };
    expect(productFromWire(wire, '14')).toMatchObject({ vatRate: '14', unit: 'm', listPrice: '1', supplierCodes: [] });
  });
});
