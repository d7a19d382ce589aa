import { describe, expect, it } from 'vitest';
import { companyFacts, findBusinessIds, findCompanyNames, signatureNames } from '../../src/extraction/company-facts.js';

describe('findBusinessIds', () => {
  it.each([
    ['Y-tunnus 5056401-5', ['5056401-5']],
    ['Y-tunnus: 0112038-9.', ['0112038-9']],
    ['FO-nummer 5858679-6', ['5858679-6']],
    ['ALV-nro FI50564015', ['5056401-5']],
    ['VAT FI 5056 4015', ['5056401-5']],
    ['Y-tunnus 5056401-5, ALV-nro FI50564015', ['5056401-5']],
    ['Y-tunnus 5056401-5 / tilaaja 0112038-9', ['5056401-5', '0112038-9']],
  ])('finds the id in %j', (text, ids) => {
    expect(findBusinessIds(text)).toEqual(ids);
  });

  it.each([
    ['a wrong check digit', 'Y-tunnus 5056401-4'],
    ['a VAT number with a wrong check digit', 'ALV-nro FI50564014'],
    ['a longer number', 'tilausnro 15056401-5'],
    ['a trailing digit', 'viite 5056401-56'],
    ['a phone number', 'puh. 040 555 1234'],
    ['an order number', 'Tarjous 10412, tilaus 2026-1123'],
  ])('ignores %s', (_case, text) => {
    expect(findBusinessIds(text)).toEqual([]);
  });
});

describe('findCompanyNames', () => {
  it.each([
    ['Putkityö Virtanen Oy', 'Putkityö Virtanen Oy'],
    ['LVI-Asennus Korhonen Oy', 'LVI-Asennus Korhonen Oy'],
    ['Tekno-Tukku Oyj', 'Tekno-Tukku Oyj'],
    ['Elinstallation Holmberg Ab', 'Elinstallation Holmberg Ab'],
    ['Sähkö Salonen Ky', 'Sähkö Salonen Ky'],
    ['Nordic Facility Services Ltd', 'Nordic Facility Services Ltd'],
    ['toimitus Virtanen Oy:n työmaalle', 'Virtanen Oy'],
    ['Matti Virtanen, Putkityö Virtanen Oy', 'Putkityö Virtanen Oy'],
  ])('finds the company in %j', (text, name) => {
    expect(findCompanyNames(text)).toEqual([name]);
  });

  it('reports a name once even when it appears twice', () => {
    expect(findCompanyNames('Sähkö Salonen Ky\nSähkö Salonen Ky')).toEqual(['Sähkö Salonen Ky']);
  });

  it.each(['Toimitus Tampereelle viikolla 50.', 'puh. 040 555 1234', 'Kupariputki 22x1,0 kova 60 m'])('finds no company in %j', (text) => {
    expect(findCompanyNames(text)).toEqual([]);
  });
});

describe('signatureNames', () => {
  it('keeps the lines that may name a company, leaving out phones, addresses and labels', () => {
    const signature = 'Ystävällisin terveisin\nMatti Virtanen\nPorin Teollisuusasennus\nHermiankatu 8, 33720 Tampere\np. 044 318 2260\nmatti@pta.fi';
    expect(signatureNames(signature)).toEqual(['Matti Virtanen', 'Porin Teollisuusasennus']);
  });
});

describe('companyFacts', () => {
  it('collects the ids, names and the sender domain in lower case', () => {
    const signature = 'Ystävällisin terveisin,\nKiinteistöhuolto Laine Oy\nY-tunnus 0112038-9';
    expect(companyFacts(signature, 'Kari.Laine@KHLaine.fi')).toEqual({
      businessIds: ['0112038-9'],
      companyNames: ['Kiinteistöhuolto Laine Oy'],
      signatureNames: [],
      senderAddress: 'Kari.Laine@KHLaine.fi',
      senderDomain: 'khlaine.fi',
    });
  });

  it('has no sender domain without a sender', () => {
    expect(companyFacts('Terveisin Jari', null)).toEqual({ businessIds: [], companyNames: [], signatureNames: [], senderAddress: null, senderDomain: null });
  });
});
