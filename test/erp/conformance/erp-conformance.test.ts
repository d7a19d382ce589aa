import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offerDraft } from '../../support/offer-draft.js';
import { lacks } from './erp-gap.js';
import { HARNESSES } from './harnesses.js';
import { expectStoredAsSent } from './stored-as-sent.js';
import { NO_FENCE } from '../../support/runner.js';

/**
 * What every ERP adapter must do, run against each one: the embedded ERP directly, Lemonsoft
 * over real HTTP against the simulator. Adding an ERP means adding its harness here.
 */

const DAY = '2026-11-24';

describe.each(HARNESSES)('ERP conformance: $name', (harness) => {
  let under: Awaited<ReturnType<typeof harness.open>>;

  beforeEach(async () => {
    under = await harness.open();
  });

  afterEach(async () => {
    await under.close();
  });

  it('says it is reachable', async () => {
    await expect(under.erp.check()).resolves.toBeUndefined();
  });

  describe('customers', () => {
    it('gets a customer by number, and null for an unknown one', async () => {
      expect((await under.erp.customers.getByNumber('20001'))?.name).toBe('Putki Oy');
      expect(await under.erp.customers.getByNumber('29999')).toBeNull();
      expect(await under.erp.customers.getByNumber('abc')).toBeNull();
    });

    it('finds a customer by business id in either form', async () => {
      expect((await under.erp.customers.findByBusinessId('1572860-0'))?.number).toBe('20001');
      expect((await under.erp.customers.findByBusinessId('FI15728600'))?.number).toBe('20001');
      expect((await under.erp.customers.findByBusinessId('2345678-0'))?.number).toBe('20002');
      expect(await under.erp.customers.findByBusinessId('1234567-1')).toBeNull();
    });

    it('finds a customer by its whole email address, in any case', async () => {
      expect((await under.erp.customers.findByEmail('Tilaukset@Putki.fi')).map((c) => c.number)).toEqual(['20001']);
      expect(await under.erp.customers.findByEmail('ukaset@putki.fi')).toEqual([]);
    });

    it('finds every customer of a domain, and only of that domain', async () => {
      expect((await under.erp.customers.findByDomain('shared.fi')).map((c) => c.number).sort()).toEqual(['20002', '20003']);
      expect((await under.erp.customers.findByDomain('putki.fi')).map((c) => c.number)).toEqual(['20001']);
      expect(await under.erp.customers.findByDomain('red.fi')).toEqual([]);
    });

    it('searches customers by part of the name', async () => {
      expect((await under.erp.customers.searchByName('Jaettu')).map((c) => c.number).sort()).toEqual(['20002', '20003']);
    });

    it('gives the responsible salesperson and the address', async () => {
      const customer = await under.erp.customers.getByNumber('20001');
      expect(customer).toMatchObject({ sellerNumber: '102', businessId: '1572860-0', address: { country: 'FI' } });
    });
  });

  describe('persons', () => {
    it('gets a person by number and by email in any case', async () => {
      expect((await under.erp.persons.getByNumber('101'))?.name).toBe('Mikko Myyjä');
      expect(await under.erp.persons.getByNumber('999')).toBeNull();
      expect((await under.erp.persons.findByEmail('SANNA@seller.fi'))?.number).toBe('102');
      expect(await under.erp.persons.findByEmail('nobody@seller.fi')).toBeNull();
    });

    it('lists every person', async () => {
      expect((await under.erp.persons.list()).map((p) => p.number).sort()).toEqual(['101', '102']);
    });
  });

  describe('products', () => {
    it('gets a product by sku with its codes, unit, price and VAT', async () => {
      const product = await under.erp.products.getBySku('1000015');
      const supplierCodes = lacks(harness, 'supplierCodes') ? [] : ['CU1510K'];
      expect(product).toMatchObject({ name: 'Kupariputki 15x1,0 kova', ean: '6401234567897', supplierCodes, unit: 'm', vatRate: '25.5' });
      expect(Number(product?.listPrice)).toBe(8);
      expect(await under.erp.products.getBySku('0000000')).toBeNull();
    });

    it.each([
      ['the sku', '1000015', null],
      ['the EAN', '6401234567897', null],
      ['the supplier code', 'CU1510K', 'supplierCodes'],
      ['the supplier code in another case and with separators', 'cu-1510 k', 'supplierCodes'],
    ] as const)('finds a product by %s', async (_what, code, unless) => {
      const found = unless && lacks(harness, unless) ? [] : ['1000015'];
      expect((await under.erp.products.findByCode(code)).map((p) => p.sku)).toEqual(found);
    });

    it('finds nothing for an unknown code', async () => {
      expect(await under.erp.products.findByCode('NOPE-1')).toEqual([]);
    });

    it('iterates every product once, and none modified after now', async () => {
      const skus: string[] = [];
      for await (const product of under.erp.products.iterate()) skus.push(product.sku);
      expect(skus.sort()).toEqual(['1000015', '1000022', '2000020', '3000325', '4000048']);
      const later: string[] = [];
      for await (const product of under.erp.products.iterate({ modifiedAfter: '2999-01-01T00:00:00.000Z' })) later.push(product.sku);
      expect(later).toEqual([]);
    });
  });

  describe('pricing', () => {
    const price = (customerNumber: string | null, sku: string, quantity: string) =>
      under.erp.pricing.price({ customerNumber, date: DAY, lines: [{ sku, quantity }] }).then(([p]) => ({ unitPrice: Number(p!.unitPrice), discountPercent: Number(p!.discountPercent), vatRate: p!.vatRate }));

    it('gives the list price without a customer', async () => {
      expect(await price(null, '2000020', '1')).toEqual({ unitPrice: 15, discountPercent: 0, vatRate: '25.5' });
    });

    it("gives the customer's group discount off the list price", async () => {
      expect(await price('20001', '1000015', '3')).toEqual({ unitPrice: 8, discountPercent: 10, vatRate: '25.5' });
    });

    it("gives the customer's net price, with the quantity break that the quantity reaches", async () => {
      expect(await price('20001', '2000020', '1')).toEqual({ unitPrice: 12, discountPercent: 0, vatRate: '25.5' });
      expect(await price('20001', '2000020', '10')).toEqual({ unitPrice: 11, discountPercent: 0, vatRate: '25.5' });
    });

    it('ignores an expired price row and keeps the product VAT', async () => {
      expect(await price('20001', '3000325', '5')).toEqual({ unitPrice: 1, discountPercent: 0, vatRate: lacks(harness, 'productVat') ? '25.5' : '14' });
    });

    it('leaves no offer behind, whatever an ERP writes to price', async () => {
      await price('20001', '2000020', '10');
      await price(null, '2000020', '1');
      expect(await under.offerNumbers()).toEqual([]);
    });

    it('gives list prices to a customer without price list, in the order asked', async () => {
      const prices = await under.erp.pricing.price({ customerNumber: '20002', date: DAY, lines: [{ sku: '2000020', quantity: '1' }, { sku: '1000022', quantity: '1' }] });
      expect(prices.map((p) => [p.sku, Number(p.unitPrice)])).toEqual([['2000020', 15], ['1000022', 10]]);
    });
  });

  describe('offers', () => {
    it('creates an offer and reads back the rows, quantities, prices and totals as sent', async () => {
      const created = await under.erp.offers.create(offerDraft('OF-conf-1'), NO_FENCE);
      expectStoredAsSent(created, offerDraft('OF-conf-1'));
      expectStoredAsSent(await under.erp.offers.get(created.number), offerDraft('OF-conf-1'));
    });

    it('finds an offer by our reference, and null for unknown references and numbers', async () => {
      const created = await under.erp.offers.create(offerDraft('OF-conf-2'), NO_FENCE);
      expect((await under.erp.offers.findByReference('OF-conf-2'))?.number).toBe(created.number);
      expect(await under.erp.offers.findByReference('OF-none')).toBeNull();
      expect(await under.erp.offers.get('99999')).toBeNull();
      expect(await under.erp.offers.get('not-a-number')).toBeNull();
    });

    it('gives different references different offers, and a repeated reference the same one', async () => {
      const a = await under.erp.offers.create(offerDraft('OF-conf-a'), NO_FENCE);
      const b = await under.erp.offers.create(offerDraft('OF-conf-b'), NO_FENCE);
      const again = await under.erp.offers.create(offerDraft('OF-conf-a'), NO_FENCE);
      expect(a.number).not.toBe(b.number);
      expect(again.number).toBe(a.number);
      expect(await under.offerNumbers()).toEqual([a.number, b.number].sort());
    });

    it('creates safely when the same reference is created twice at once', async () => {
      const [a, b] = await Promise.all([under.erp.offers.create(offerDraft('OF-conf-c'), NO_FENCE), under.erp.offers.create(offerDraft('OF-conf-c'), NO_FENCE)]);
      expect(a.number).toBe(b.number);
      expect(await under.offerNumbers()).toEqual([a.number]);
    });
  });
});
