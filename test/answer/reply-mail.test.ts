import { describe, expect, it } from 'vitest';
import { letterheadSchema } from '../../src/answer/letterhead.js';
import { offerDocumentOf } from '../../src/answer/offer-document.js';
import { replySubject } from '../../src/answer/customer-mail.js';
import { replyMail, type ReplyInput } from '../../src/answer/reply-mail.js';
import type { DocumentLanguage } from '../../src/answer/document-language.js';
import { offerTotals } from '../../src/pricing/offer-totals.js';

const LINES = [{ position: 1, sku: '1000015', name: 'Kupariputki 15x1,0', quantity: '10', unit: 'm', unitPrice: '8.00', discountPercent: '0', vatRate: '25.5', lineTotal: '80.00', note: null }];

function input(language: DocumentLanguage, request: Partial<ReplyInput['request']> = {}): ReplyInput {
  const document = offerDocumentOf({
    offer: { number: '1042', reference: 'OF-7', customer: null, sellerNumber: null, customerReference: null, date: '2026-12-07', validUntil: '2027-01-06', note: null, lines: LINES, totals: offerTotals(LINES, 'EUR') },
    customer: null,
    salesperson: null,
    customerCodes: new Map(),
    language,
    letterhead: letterheadSchema.parse({ name: 'Teknotukku Oy' }),
  });
  return {
    request: { messageId: '<rfq-1@putki.fi>', references: ['<earlier@putki.fi>'], subject: 'Tarjouspyyntö: kupariputket', from: { address: 'matti@putki.fi', name: 'Matti Virtanen' }, replyTo: null, ...request },
    document,
    pdf: Buffer.from('%PDF-1.7'),
    from: { address: 'johan.sundstrom@teknotukku.fi', name: 'Johan Sundström' },
    cc: { address: 'johan.sundstrom@teknotukku.fi', name: 'Johan Sundström' },
    messageId: '<offer-7@teknotukku.fi>',
  };
}

describe('the reply that carries an offer to the customer', () => {
  it('answers in the request’s thread, to its sender, with the offer attached', () => {
    const mail = replyMail(input('fi'));

    expect(mail.to).toEqual({ address: 'matti@putki.fi', name: 'Matti Virtanen' });
    expect(mail.subject).toBe('Re: Tarjouspyyntö: kupariputket');
    expect(mail.inReplyTo).toBe('<rfq-1@putki.fi>');
    expect(mail.references).toEqual(['<earlier@putki.fi>', '<rfq-1@putki.fi>']);
    expect(mail.messageId).toBe('<offer-7@teknotukku.fi>');
    expect(mail.attachments).toMatchObject([{ filename: 'Tarjous-1042.pdf', contentType: 'application/pdf' }]);
    expect(mail.text).toContain('Hei Matti,');
    expect(mail.text).toContain('tarjouksemme 1042, joka on voimassa 6.1.2027 asti');
    expect(mail.text).toContain('100,40 EUR');
    expect(mail.text).toMatch(/Ystävällisin terveisin\nJohan Sundström\nTeknotukku Oy$/);
  });

  it('writes Swedish and English replies in their language', () => {
    const sv = replyMail(input('sv', { subject: 'Offertförfrågan' }));
    expect(sv.subject).toBe('Sv: Offertförfrågan');
    expect(sv.text).toContain('Bifogat finns vår offert 1042, som gäller till 6.1.2027.');
    expect(sv.attachments[0]!.filename).toBe('Offert-1042.pdf');

    const en = replyMail(input('en', { subject: 'RE: Quotation request' }));
    expect(en.subject).toBe('RE: Quotation request');
    expect(en.text).toContain('Please find attached our quotation 1042, valid until 06/01/2027.');
    expect(en.text).toContain('100.40 EUR including VAT');
  });

  it('goes to the customer in the Reply-To of a web form’s mail, not to the form', () => {
    const mail = replyMail(input('fi', { from: { address: 'noreply@teknotukku.fi', name: 'Verkkolomake' }, replyTo: { address: 'ostaja@rakennus.fi', name: 'Ostaja' } }));
    expect(mail.to.address).toBe('ostaja@rakennus.fi');
  });

  it('does not copy the salesperson twice when they are the one who asked, and greets a company by no name', () => {
    const mail = replyMail(input('fi', { from: { address: 'Johan.Sundstrom@teknotukku.fi', name: 'Teknotukku Oy myynti' } }));
    expect(mail.cc).toEqual([]);
    expect(mail.text.startsWith('Hei,')).toBe(true);
  });

  it('never lets markup from the sender’s name into the HTML part', () => {
    const mail = replyMail(input('fi', { from: { address: 'x@putki.fi', name: 'Matti <script>alert(1)</script>' } }));
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('>Hei,</p>');
  });

  it('refuses to answer a request that has no sender', () => {
    expect(() => replyMail(input('fi', { from: null }))).toThrow(/no sender/);
  });

  it('leaves a subject that already replies as it is', () => {
    expect(replySubject('Vs: tilaus', 'Re:')).toBe('Vs: tilaus');
    expect(replySubject('', 'Re:')).toBe('Re:');
  });
});
