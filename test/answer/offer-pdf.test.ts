import { describe, expect, it } from 'vitest';
import { offerDocumentOf, type OfferDocumentInput } from '../../src/answer/offer-document.js';
import { letterheadSchema } from '../../src/answer/letterhead.js';
import { renderOfferPdf } from '../../src/answer/offer-pdf.js';
import type { DocumentLanguage } from '../../src/answer/document-language.js';
import type { Offer, OfferLine } from '../../src/domain/offer.js';
import { lineTotal, offerTotals } from '../../src/pricing/offer-totals.js';
import { pdfPages } from '../support/pdf-text.js';

const LETTERHEAD = letterheadSchema.parse({
  name: 'Teknotukku Oy',
  addressLines: ['Teollisuuskatu 12', '00510 Helsinki'],
  businessId: '1234567-8',
  vatNumber: 'FI12345678',
  phone: '+358 9 123 4567',
  email: 'myynti@teknotukku.fi',
  bank: { name: 'Nordea', iban: 'FI21 1234 5600 0007 85', bic: 'NDEAFIHH' },
  paymentTerms: { fi: '14 päivää netto', sv: '14 dagar netto', en: '14 days net' },
  deliveryTerms: { fi: 'Toimitus varastosta, rahti lisätään', en: 'Ex works Helsinki' },
});

function line(position: number, sku: string, name: string, quantity: string, unit: string, unitPrice: string, discountPercent: string, vatRate: string): OfferLine {
  return { position, sku, name, quantity, unit, unitPrice, discountPercent, vatRate, lineTotal: lineTotal(quantity, unitPrice, discountPercent), note: null };
}

function offerOf(lines: OfferLine[]): Offer {
  return {
    number: '1042',
    reference: 'OF-7',
    customer: { number: '20001', name: 'Putki Oy' },
    sellerNumber: '102',
    customerReference: 'Työmaa Kalasatama / tilaus 55',
    date: '2026-12-07',
    validUntil: '2027-01-06',
    note: null,
    lines,
    totals: offerTotals(lines, 'EUR'),
  };
}

const LINES = [
  line(1, '1000015', 'Kupariputki 15x1,0 kova', '120', 'm', '8.00', '12', '25.5'),
  line(2, '2000020', 'Palloventtiili DN20 3/4" sk/sk', '6', 'kpl', '15.00', '0', '25.5'),
  line(3, '9000001', 'Asennusopas (kirja)', '2', 'kpl', '24.90', '0', '14'),
];

function input(language: DocumentLanguage, lines = LINES, overrides: Partial<OfferDocumentInput> = {}): OfferDocumentInput {
  return {
    offer: offerOf(lines),
    customer: { number: '20001', name: 'Putki Oy', businessId: '1572860-0', vat: null, email: null, domains: [], sellerNumber: '102', pricelist: null, address: { street: 'Putkitie 3', postalCode: '33100', city: 'Tampere', country: null } },
    salesperson: { number: '102', name: 'Johan Sundström', email: 'johan.sundstrom@teknotukku.fi', phone: '+358 40 765 4321', role: null, language: 'sv' },
    customerCodes: new Map([[2, 'PV-20-SK']]),
    language,
    letterhead: LETTERHEAD,
    ...overrides,
  };
}

const render = async (i: OfferDocumentInput) => (await pdfPages(await renderOfferPdf(offerDocumentOf(i)))).join('\n');

describe('the offer PDF', () => {
  it('holds, in Finnish, every line with its code, the customer’s code, quantity, unit, price, discount and total, the VAT by rate and the totals', async () => {
    const text = await render(input('fi'));

    expect(text).toContain('TARJOUS');
    expect(text).toContain('Tarjousnumero: 1042');
    expect(text).toContain('Päiväys: 7.12.2026');
    expect(text).toContain('Voimassa: 6.1.2027');
    expect(text).toContain('Viitteenne: Työmaa Kalasatama / tilaus 55');
    expect(text).toMatch(/1 1000015 Kupariputki 15x1,0 kova 120 m 8,00 12 844,80/);
    expect(text).toMatch(/2 2000020 Palloventtiili DN20 3\/4" sk\/sk Koodinne: PV-20-SK 6 kpl 15,00 90,00/);
    expect(text).toMatch(/3 9000001 Asennusopas \(kirja\) 2 kpl 24,90 49,80/);
    expect(text).toContain('Veroton yhteensä 984,60 EUR');
    expect(text).toContain('ALV 25,5 % (934,80) 238,37 EUR');
    expect(text).toContain('ALV 14 % (49,80) 6,97 EUR');
    expect(text).toContain('Yhteensä (sis. ALV) 1 229,94 EUR');
    expect(text).toContain('Maksuehto 14 päivää netto');
    expect(text).toContain('Toimitusehto Toimitus varastosta, rahti lisätään');
    expect(text).toContain('Y-tunnus 1234567-8');
    expect(text).toContain('IBAN FI21 1234 5600 0007 85');
    expect(text).toContain('Putkitie 3');
    expect(text).toContain('Sivu 1/1');
  });

  it('writes Swedish labels, units and numbers, falling back to the Finnish terms where no Swedish text is given', async () => {
    const text = await render(input('sv'));

    expect(text).toContain('OFFERT');
    expect(text).toContain('Offertnummer: 1042');
    expect(text).toContain('Giltig till: 6.1.2027');
    expect(text).toMatch(/2 2000020 Palloventtiili DN20 3\/4" sk\/sk Er kod: PV-20-SK 6 st 15,00 90,00/);
    expect(text).toContain('Moms 25,5 %');
    expect(text).toContain('Summa inkl. moms 1 229,94 EUR');
    expect(text).toContain('Betalningsvillkor 14 dagar netto');
    expect(text).toContain('Leveransvillkor Toimitus varastosta, rahti lisätään');
    expect(text).toContain('FO-nummer 1234567-8');
    expect(text).toContain('Sida 1/1');
  });

  it('writes English labels, units and numbers', async () => {
    const text = await render(input('en'));

    expect(text).toContain('QUOTATION');
    expect(text).toContain('Quotation no.: 1042');
    expect(text).toContain('Date: 07/12/2026');
    expect(text).toMatch(/1 1000015 Kupariputki 15x1,0 kova 120 m 8\.00 12 844\.80/);
    expect(text).toMatch(/Your code: PV-20-SK 6 pcs 15\.00 90\.00/);
    expect(text).toContain('VAT 25.5 % (934.80) 238.37 EUR');
    expect(text).toContain('Total incl. VAT 1,229.94 EUR');
    expect(text).toContain('Payment terms 14 days net');
    expect(text).toContain('Delivery terms Ex works Helsinki');
    expect(text).toContain('Page 1 of 1');
  });

  it('carries a long offer over pages, every line once, with the totals after the last and each page numbered', async () => {
    const many = Array.from({ length: 70 }, (_, i) => line(i + 1, String(3000000 + i), `Ruuvi M${i + 4}x40 A4`, String(i + 1), 'kpl', '0.50', '0', '25.5'));
    const pages = await pdfPages(await renderOfferPdf(offerDocumentOf(input('fi', many))));

    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    for (const l of many) expect(all.match(new RegExp(`\\b${l.sku} Ruuvi`, 'g'))).toHaveLength(1);
    expect(all.indexOf('Yhteensä (sis. ALV)')).toBeGreaterThan(all.indexOf(`${many.at(-1)!.sku} Ruuvi`));
    pages.forEach((page, i) => expect(page).toContain(`Sivu ${i + 1}/${pages.length}`));
    expect(pages[1]).toContain('Tuote Määrä');
  });

  it('prints what the customer wrote as text, whatever it holds, and letters the standard fonts lack by their base letter', async () => {
    const customer = { ...input('fi').customer!, name: 'Łódź <b>Rury</b> & (Putki) Sp. z o.o. 🚰' };
    const text = await render(input('fi', LINES, { customer, offer: { ...offerOf(LINES), customerReference: '") Tj ET BT (injected' } }));

    expect(text).toContain('Lódz <b>Rury</b> & (Putki) Sp. z o.o. ?');
    expect(text).toContain('Viitteenne: ") Tj ET BT (injected');
  });

  it('names the setting when the logo cannot be printed', async () => {
    const letterhead = { ...LETTERHEAD, logoFile: '/nonexistent/logo.png' };
    await expect(renderOfferPdf(offerDocumentOf(input('fi', LINES, { letterhead })))).rejects.toThrow(/letterhead\.logoFile '\/nonexistent\/logo\.png' cannot be printed/);
  });
});
