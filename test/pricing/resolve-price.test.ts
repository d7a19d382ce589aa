import { describe, expect, it } from 'vitest';
import type { PriceRule } from '../../src/domain/price-rule.js';
import type { Product } from '../../src/domain/product.js';
import { resolvePrice } from '../../src/pricing/resolve-price.js';

const TODAY = '2025-06-15';

const product: Product = {
  sku: '1100001',
  name: 'Kupariputki 10x0,8 kova',
  extraName: null,
  ean: null,
  supplierCodes: [],
  units: [],
  unit: 'm',
  listPrice: '10.00',
  vatRate: '25.5',
  group: 'LVI-KUPARI',
};

type RuleOptions = Partial<Pick<PriceRule, 'minQty' | 'validFrom' | 'validTo'>>;

function rule(target: PriceRule['target'], adjustment: PriceRule['adjustment'], options: RuleOptions = {}): PriceRule {
  return { pricelist: 'URAKOITSIJA', target, adjustment, minQty: '1', validFrom: null, validTo: null, ...options };
}

function skuNet(price: string, options?: RuleOptions, sku = product.sku): PriceRule {
  return rule({ kind: 'sku', sku }, { kind: 'net', price }, options);
}

function skuDiscount(percent: string, options?: RuleOptions): PriceRule {
  return rule({ kind: 'sku', sku: product.sku }, { kind: 'discount', percent }, options);
}

function groupDiscount(percent: string, options?: RuleOptions, group = 'LVI-KUPARI'): PriceRule {
  return rule({ kind: 'group', group }, { kind: 'discount', percent }, options);
}

function groupNet(price: string, options?: RuleOptions): PriceRule {
  return rule({ kind: 'group', group: 'LVI-KUPARI' }, { kind: 'net', price }, options);
}

function price(rules: PriceRule[], quantity = '1', date = TODAY) {
  return resolvePrice(product, rules, quantity, date);
}

describe('resolvePrice', () => {
  it('uses the list price without discount when the price list has no row for the product', () => {
    expect(price([])).toEqual({ unitPrice: '10.00', discountPercent: '0', source: 'list' });
    expect(price([skuNet('5.00', {}, '9999999'), groupDiscount('30', {}, 'SÄH-KAAPELIT')])).toEqual({
      unitPrice: '10.00',
      discountPercent: '0',
      source: 'list',
    });
  });

  it('gives a net price as the unit price with no discount', () => {
    expect(price([skuNet('7.50')])).toEqual({ unitPrice: '7.50', discountPercent: '0', source: 'pricelist-sku' });
  });

  it('gives a discount as a percentage off the list price', () => {
    expect(price([skuDiscount('12')])).toEqual({ unitPrice: '10.00', discountPercent: '12', source: 'pricelist-sku' });
    expect(price([groupNet('8.00')])).toEqual({ unitPrice: '8.00', discountPercent: '0', source: 'pricelist-group' });
  });

  it("uses a row for the product's group when there is none for the sku", () => {
    expect(price([groupDiscount('18')])).toEqual({ unitPrice: '10.00', discountPercent: '18', source: 'pricelist-group' });
  });

  it('prefers a sku row to a group row, even a cheaper one with a higher quantity break', () => {
    const rules = [groupDiscount('50', { minQty: '10' }), skuNet('9.50'), groupNet('1.00')];
    expect(price(rules, '20')).toEqual({ unitPrice: '9.50', discountPercent: '0', source: 'pricelist-sku' });
  });

  it('does not apply a group row to a product without a group', () => {
    const ungrouped = { ...product, group: null };
    expect(resolvePrice(ungrouped, [groupDiscount('18', {}, '')], '1', TODAY).source).toBe('list');
  });

  describe('quantity breaks', () => {
    // Deliberately not in quantity order.
    const breaks = [skuNet('8.00', { minQty: '100' }), skuNet('9.50'), skuNet('9.00', { minQty: '10' })];

    it.each([
      ['1', '9.50'],
      ['9', '9.50'],
      ['9.99', '9.50'],
      ['10', '9.00'],
      ['99', '9.00'],
      ['100', '8.00'],
      ['2500', '8.00'],
    ])('at quantity %s the unit price is %s', (quantity, unitPrice) => {
      expect(price(breaks, quantity).unitPrice).toBe(unitPrice);
    });

    it('compares quantities as numbers, not as text ("9" < "10")', () => {
      expect(price([skuNet('9.00', { minQty: '10' })], '9').source).toBe('list');
      expect(price([skuNet('9.00', { minQty: '20' })], '100').unitPrice).toBe('9.00');
    });

    it('falls back to the group row when the quantity is below every sku break', () => {
      const rules = [skuNet('9.00', { minQty: '10' }), groupDiscount('5')];
      expect(price(rules, '5')).toEqual({ unitPrice: '10.00', discountPercent: '5', source: 'pricelist-group' });
    });

    it('picks the highest group break the quantity reaches', () => {
      const rules = [groupDiscount('5'), groupDiscount('15', { minQty: '50' }), groupDiscount('10', { minQty: '20' })];
      expect(price(rules, '30').discountPercent).toBe('10');
      expect(price(rules, '50').discountPercent).toBe('15');
    });
  });

  describe('validity dates', () => {
    const june = { validFrom: '2025-06-01', validTo: '2025-06-30' };

    it.each([
      ['the first valid day', '2025-06-01', 'pricelist-sku'],
      ['the last valid day', '2025-06-30', 'pricelist-sku'],
      ['the day before', '2025-05-31', 'list'],
      ['the day after', '2025-07-01', 'list'],
    ])('a rule valid in June applies on %s (%s): %s', (_case, date, source) => {
      expect(price([skuNet('7.00', june)], '1', date).source).toBe(source);
    });

    it('treats a missing start or end as open-ended', () => {
      expect(price([skuNet('7.00', { validTo: '2025-06-30' })], '1', '2000-01-01').unitPrice).toBe('7.00');
      expect(price([skuNet('7.00', { validFrom: '2025-06-01' })], '1', '2099-12-31').unitPrice).toBe('7.00');
    });

    it('ignores an expired sku row even when it has the better quantity break', () => {
      const rules = [skuNet('6.00', { minQty: '10', validTo: '2025-06-14' }), skuNet('9.00')];
      expect(price(rules, '10').unitPrice).toBe('9.00');
    });

    it('falls back to the group row when the only sku row has expired', () => {
      const rules = [skuNet('6.00', { validTo: '2024-12-31' }), groupDiscount('18')];
      expect(price(rules)).toEqual({ unitPrice: '10.00', discountPercent: '18', source: 'pricelist-group' });
    });

    it('ignores a group row that has not started yet', () => {
      expect(price([groupDiscount('18', { validFrom: '2025-07-01' })]).source).toBe('list');
    });
  });
});
