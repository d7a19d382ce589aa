import { describe, expect, it } from 'vitest';
import {
  customerFromWire,
  customerToWire,
  offerFromWire,
  offerRowToWire,
  personFromWire,
  personToWire,
  priceRulesFromWire,
  productFromWire,
  productToWire,
} from '../../../src/erp/lemonsoft/mapper.js';
import { personSchema } from '../../../src/erp/lemonsoft/wire.js';
import { DEFAULT_TAX_RATES, parseLemonsoftSettings } from '../../../src/erp/lemonsoft/settings.js';
import { offerDraft } from '../../support/offer-draft.js';
import { CUSTOMERS } from '../../support/seller.js';

describe('Lemonsoft customer mapping', () => {
  it('reads a business id from a VAT number or a Y-tunnus, and domains from the card and its contacts', () => {
    const customer = customerFromWire({
      number: 20004,
      name: 'Rakennus Mäkinen Oy',
      email: 'Tilaukset@RakennusMakinen.fi',
      vat: 'FI31275963',
      contacts: [{ name: 'Ostot', email: 'ostot@rakennusmakinen.com', phone: null }],
      seller_number: 103,
    });
    expect(customer).toMatchObject({ number: '20004', businessId: '3127596-3', vat: 'FI31275963', sellerNumber: '103', domains: ['rakennusmakinen.fi', 'rakennusmakinen.com'] });
    expect(customerFromWire({ number: 1, name: 'A', vat: '3127596-3' }).businessId).toBe('3127596-3');
    expect(customerFromWire({ number: 1, name: 'A', vat: 'SE556677889901' })).toMatchObject({ businessId: null, vat: 'SE556677889901' });
  });

  it('keeps every domain of a customer through a round trip', () => {
    const shared = CUSTOMERS.find((c) => c.number === '20003')!;
    expect(customerFromWire(customerToWire(shared, 3)).domains).toEqual(shared.domains);
  });
});

describe('Lemonsoft person mapping', () => {
  it("reads the schema's person, whose phone is its gsm, and a role given as a number or a word", () => {
    expect(personFromWire(personSchema.parse({ number: 101, name: 'Mikko', email: 'mikko@seller.fi', gsm: '+358 40 123', role: 3 }))).toMatchObject({ phone: '+358 40 123', role: '3' });
    expect(personFromWire({ number: 101, name: 'Mikko', email: 'mikko@seller.fi', phone: '09 123', gsm: '+358 40 123', role: 'sales' })).toMatchObject({ phone: '09 123', role: 'sales' });
    expect(personFromWire({ number: 101, role: null }).role).toBeNull();
  });

  it("writes a person in the schema's shape: gsm, no role", () => {
    const wire = personToWire({ number: '101', name: 'Mikko', email: 'mikko@seller.fi', phone: '+358 40 123', role: 'sales', language: 'fi' });
    expect(wire).toEqual({ number: 101, name: 'Mikko', email: 'mikko@seller.fi', gsm: '+358 40 123', language_code: 'fi' });
  });
});

describe('Lemonsoft product mapping', () => {
  const wire = { sku: '1100015', name: 'Kupariputki 15x1,0 kova', ean_code: '', sales_price_taxless: 8.5, price: 9, stock_unit: 'm', taxrate_code: 2, group_code: 10, suppliers: [{ code: 'CU1510K' }, { code: '' }] };

  it('reads the net list price, the VAT from the tax rate table and the supplier codes', () => {
    expect(productFromWire(wire, DEFAULT_TAX_RATES)).toMatchObject({ listPrice: '8.5', vatRate: '14', group: '10', ean: null, supplierCodes: ['CU1510K'] });
  });

  it('reads the units it is sold in as how many stock units each is, skipping entries that say nothing', () => {
    const units = [{ unit: 'rll', multiplier: 200 }, { unit: 'm', multiplier: 1 }, { unit: 'kela', multiplier: null }, { unit: '', multiplier: 50 }];
    expect(productFromWire({ ...wire, units }, DEFAULT_TAX_RATES).units).toEqual([{ unit: 'rll', quantity: '200', of: 'm' }]);
    expect(productFromWire(wire, DEFAULT_TAX_RATES).units).toEqual([]);
  });

  it('lists a conversion into the stock unit either way round, as the simulator serves it', () => {
    const ties = productFromWire({ ...wire, stock_unit: 'pkt' }, DEFAULT_TAX_RATES);
    const served = productToWire({ ...ties, units: [{ unit: 'pkt', quantity: '100', of: 'kpl' }] }, 1, 2, '2026-01-01T00:00:00Z');
    expect(served.units).toEqual([{ unit: 'kpl', multiplier: 0.01 }]);
    expect(productFromWire(served, DEFAULT_TAX_RATES).units).toEqual([{ unit: 'kpl', quantity: '0.01', of: 'pkt' }]);
  });

  it('names the product and the setting when a tax rate code is unknown', () => {
    expect(() => productFromWire({ ...wire, taxrate_code: 9 }, DEFAULT_TAX_RATES)).toThrow('product 1100015: taxrate_code 9 is not in the tax rate table (erp.settings.taxRates)');
  });
});

describe('Lemonsoft price rows', () => {
  it('reads a price as a net price, a discount as off the list price, and amount as the quantity it starts from', () => {
    const rules = priceRulesFromWire(
      [
        { code: '1100015', price: 5.7, discount: 0, amount: 1 },
        { code: '1100015', price: 5.05, discount: 0, amount: 100 },
        { code: '10', price: 0, discount: 18, is_product_group: true },
      ],
      '1',
    );
    expect(rules.map((r) => [r.target, r.adjustment, r.minQty])).toEqual([
      [{ kind: 'sku', sku: '1100015' }, { kind: 'net', price: '5.7' }, '1'],
      [{ kind: 'sku', sku: '1100015' }, { kind: 'net', price: '5.05' }, '100'],
      [{ kind: 'group', group: '10' }, { kind: 'discount', percent: '18' }, '1'],
    ]);
  });
});

describe('Lemonsoft offer mapping', () => {
  it('reads rows back by position, amounts as exact decimals and totals to the cent', () => {
    const draft = offerDraft();
    const rows = draft.lines.map(offerRowToWire).reverse();
    const offer = offerFromWire({ offer_number: 10001, offer_our_reference: draft.reference, offer_rows: rows, tot_without_tax: 102, offer_totalsum: 128.01 + 1e-13, offer_date: '2026-11-24T00:00:00' });
    expect(offer.lines.map((l) => [l.position, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [1, '10', '8', '72.00'],
      [2, '2', '15', '30.00'],
    ]);
    expect(offer.totals).toEqual({ net: '102.00', vat: '26.01', gross: '128.01', currency: 'EUR' });
    expect(offer.date).toBe('2026-11-24');
  });
});

describe('Lemonsoft settings', () => {
  it('refuses a base URL that carries a user name and password, without repeating them', () => {
    const settings = { baseUrl: 'https://offerflow:hunter2@lemonsoft.example.fi/Lemonsoft30', username: 'u', password: 'p', database: 'D', apiKey: 'k' };
    expect(() => parseLemonsoftSettings(settings)).toThrow(/erp\.settings\.baseUrl: must not carry a user name or password/);
    expect(() => parseLemonsoftSettings(settings)).not.toThrow(/hunter2/);
  });

  it('names every missing or bad setting', () => {
    expect(() => parseLemonsoftSettings({ baseUrl: 'not a url', offerType: 'x' })).toThrow(/erp\.settings\.baseUrl[\s\S]*erp\.settings\.username[\s\S]*erp\.settings\.offerType/);
  });

  it('fills the defaults and drops a trailing slash from the base URL', () => {
    const settings = parseLemonsoftSettings({ baseUrl: 'https://erp.example.fi/Lemonsoft30/', username: 'u', password: 'p', database: 'd', apiKey: 'k' });
    expect(settings).toMatchObject({ baseUrl: 'https://erp.example.fi/Lemonsoft30', offerType: 6, pricelistId: 1, taxRates: DEFAULT_TAX_RATES });
  });
});
