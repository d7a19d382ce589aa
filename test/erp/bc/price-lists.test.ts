import { describe, expect, it } from 'vitest';
import { bestPrice, priceGroupCodes, priceListLineOf, type PriceContext, type PriceListLine } from '../../../src/erp/bc/simulator/price-lists.js';

const AT: PriceContext = { customerNumber: '20001', priceGroup: 'URAKOITSIJ', date: '2026-11-24', itemNumber: '2000020', discountGroup: 'LVI', itemUnitPrice: 15, quantity: 10 };

function line(fields: Partial<PriceListLine>): PriceListLine {
  return {
    id: 'x',
    priceListCode: 'P',
    sourceType: 'Customer Price Group',
    sourceNo: 'URAKOITSIJ',
    assetType: 'Item',
    assetNo: '2000020',
    amountType: 'Price',
    unitPrice: 0,
    lineDiscountPercent: 0,
    minimumQuantity: 0,
    startingDate: '',
    endingDate: '',
    allowLineDisc: true,
    ...fields,
  };
}

describe("the BC simulator's price calculation", () => {
  it("falls back to the item card's price without discount when no line applies", () => {
    const others = [line({ sourceNo: 'MUU', unitPrice: 1 }), line({ assetNo: '9', unitPrice: 1 }), line({ unitPrice: 1, minimumQuantity: 11 }), line({ unitPrice: 1, endingDate: '2026-11-23' }), line({ unitPrice: 1, startingDate: '2026-11-25' })];
    expect(bestPrice(others, AT)).toEqual({ unitPrice: 15, discountPercent: 0, fromPriceList: false });
  });

  it('takes the lowest price of the lines that apply, whoever they are for, and the best discount', () => {
    const lines = [
      line({ unitPrice: 12 }),
      line({ sourceType: 'All Customers', sourceNo: '', unitPrice: 11.5 }),
      line({ sourceType: 'Customer', sourceNo: '20001', unitPrice: 13, minimumQuantity: 10 }),
      line({ amountType: 'Discount', assetType: 'Item Discount Group', assetNo: 'LVI', lineDiscountPercent: 5 }),
      line({ amountType: 'Discount', sourceType: 'All Customers', sourceNo: '', lineDiscountPercent: 8, startingDate: '2026-01-01', endingDate: '2026-12-31' }),
    ];
    expect(bestPrice(lines, AT)).toEqual({ unitPrice: 11.5, discountPercent: 8, fromPriceList: true });
  });

  it('gives no line discount on a price that allows none', () => {
    const lines = [line({ unitPrice: 12, allowLineDisc: false }), line({ amountType: 'Discount', assetType: 'Item Discount Group', assetNo: 'LVI', lineDiscountPercent: 5 })];
    expect(bestPrice(lines, AT)).toEqual({ unitPrice: 12, discountPercent: 0, fromPriceList: true });
    expect(bestPrice(lines.slice(1), AT)).toEqual({ unitPrice: 15, discountPercent: 5, fromPriceList: false });
  });

  it('holds a net price rule as a price that allows no discount, and a group rule as a discount for the item discount group', () => {
    const net = priceListLineOf({ pricelist: 'URAKOITSIJA', target: { kind: 'sku', sku: '2000020' }, adjustment: { kind: 'net', price: '12.00' }, minQty: '10', validFrom: '2026-01-01', validTo: null }, 'URAKOITSIJ', 'a');
    expect(net).toMatchObject({ sourceNo: 'URAKOITSIJ', assetType: 'Item', amountType: 'Price', unitPrice: 12, minimumQuantity: 10, startingDate: '2026-01-01', endingDate: '', allowLineDisc: false });
    const group = priceListLineOf({ pricelist: 'URAKOITSIJA', target: { kind: 'group', group: 'lvi' }, adjustment: { kind: 'discount', percent: '18' }, minQty: '1', validFrom: null, validTo: null }, 'URAKOITSIJ', 'b');
    expect(group).toMatchObject({ assetType: 'Item Discount Group', assetNo: 'LVI', amountType: 'Discount', lineDiscountPercent: 18, allowLineDisc: true });
  });

  it("cuts price list names to BC's Code[10] price group codes, refusing two that would become one", () => {
    expect([...priceGroupCodes(['URAKOITSIJA', 'asennus', 'URAKOITSIJA'])]).toEqual([
      ['URAKOITSIJA', 'URAKOITSIJ'],
      ['asennus', 'ASENNUS'],
    ]);
    expect(() => priceGroupCodes(['AVAINASIAKAS', 'AVAINASIAKKAAT'])).toThrow(/AVAINASIAK/);
  });
});
