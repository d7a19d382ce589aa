import { z } from 'zod';
import { compare, decimalFromNumber } from '../../../domain/money.js';
import type { PriceRule } from '../../../domain/price-rule.js';
import type { Doc } from './store.js';

/**
 * BC's sales price list lines (table 7001 "Price List Line"), as far as the simulator prices by
 * them. API v2.0 serves none of this, so the set is stored but never answered; BC applies it
 * only when it prices a document line itself.
 */
export const PRICE_LIST_LINES = 'priceListLines';

/** Who a line is for: everyone, the customers of a price group, or one customer. */
const priceListLineSchema = z.object({
  id: z.string(),
  priceListCode: z.string(),
  /** Who a line is for: everyone, the customers of a price group, or one customer. */
  sourceType: z.enum(['All Customers', 'Customer Price Group', 'Customer']),
  /** The customer price group's or customer's code; blank for All Customers. */
  sourceNo: z.string(),
  /** What it prices: one item, or every item of an item discount group. */
  assetType: z.enum(['Item', 'Item Discount Group']),
  assetNo: z.string(),
  /** A line gives a price or a line discount, never both. */
  amountType: z.enum(['Price', 'Discount']),
  unitPrice: z.number(),
  lineDiscountPercent: z.number(),
  minimumQuantity: z.number(),
  /** Blank (`''`) for open-ended. */
  startingDate: z.string(),
  endingDate: z.string(),
  /** Whether a line discount may be given on top of this line's price. */
  allowLineDisc: z.boolean(),
});
export type PriceListLine = z.infer<typeof priceListLineSchema>;

/** Customer."Customer Price Group" is a Code[10]: a longer price list name is cut, and two names cut alike are an error. */
const PRICE_GROUP_LENGTH = 10;

export function priceGroupCodes(pricelists: Iterable<string>): Map<string, string> {
  const codes = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const name of pricelists) {
    const code = name.slice(0, PRICE_GROUP_LENGTH).toUpperCase();
    const owner = owners.get(code);
    if (owner !== undefined && owner !== name) throw new Error(`price lists '${owner}' and '${name}' both become BC customer price group '${code}'`);
    owners.set(code, name);
    codes.set(name, code);
  }
  return codes;
}

/**
 * One demo price rule as the line BC would hold for it: the rule's price list is a customer
 * price group, a product group an item discount group. A net price is net: BC gives a line
 * discount on top of a price line that allows one, so the demo's net prices allow none.
 */
export function priceListLineOf(rule: PriceRule, groupCode: string, id: string): PriceListLine {
  const net = rule.adjustment.kind === 'net';
  return {
    id,
    priceListCode: groupCode,
    sourceType: 'Customer Price Group',
    sourceNo: groupCode,
    assetType: rule.target.kind === 'sku' ? 'Item' : 'Item Discount Group',
    assetNo: (rule.target.kind === 'sku' ? rule.target.sku : rule.target.group).toUpperCase(),
    amountType: net ? 'Price' : 'Discount',
    unitPrice: rule.adjustment.kind === 'net' ? Number(rule.adjustment.price) : 0,
    lineDiscountPercent: rule.adjustment.kind === 'discount' ? Number(rule.adjustment.percent) : 0,
    minimumQuantity: Number(rule.minQty),
    startingDate: rule.validFrom ?? '',
    endingDate: rule.validTo ?? '',
    allowLineDisc: !net,
  };
}

/** What a line is priced for: the quote's customer, its date, the item and the quantity. */
export interface PriceContext {
  customerNumber: string;
  /** The customer's price group, blank for none. */
  priceGroup: string;
  date: string;
  itemNumber: string;
  /** The item's discount group, blank for none. */
  discountGroup: string;
  /** The item card's Unit Price. */
  itemUnitPrice: number;
  quantity: number;
}

function applies(line: PriceListLine, at: PriceContext): boolean {
  const forSource =
    line.sourceType === 'All Customers' || (line.sourceType === 'Customer Price Group' ? at.priceGroup !== '' && line.sourceNo === at.priceGroup : line.sourceNo === at.customerNumber);
  const forAsset = line.assetType === 'Item' ? line.assetNo === at.itemNumber : at.discountGroup !== '' && line.assetNo === at.discountGroup;
  const inTime = (line.startingDate === '' || line.startingDate <= at.date) && (line.endingDate === '' || at.date <= line.endingDate);
  return forSource && forAsset && inTime && line.minimumQuantity <= at.quantity;
}

export interface BcLinePrice {
  unitPrice: number;
  discountPercent: number;
  /** Whether a price list line gave the price (else the item card did), which decides whether a new quantity reprices the line. */
  fromPriceList: boolean;
}

const lowest = (a: PriceListLine, b: PriceListLine) => (compare(decimalFromNumber(a.unitPrice), decimalFromNumber(b.unitPrice)) <= 0 ? a : b);

/**
 * BC's "lowest price" calculation (Price Calculation - V16): of the price lines that apply, the
 * lowest unit price, else the item card's; of the discount lines, the highest line discount,
 * given only when the price allows one.
 */
export function bestPrice(lines: PriceListLine[], at: PriceContext): BcLinePrice {
  const found = lines.filter((line) => applies(line, at));
  const prices = found.filter((line) => line.amountType === 'Price');
  const price = prices.length ? prices.reduce(lowest) : null;
  const discount = Math.max(0, ...found.filter((line) => line.amountType === 'Discount').map((line) => line.lineDiscountPercent));
  const allowsDiscount = price?.allowLineDisc ?? true;
  return { unitPrice: price?.unitPrice ?? at.itemUnitPrice, discountPercent: allowsDiscount ? discount : 0, fromPriceList: price !== null };
}

export const priceListLineFrom = (doc: Doc): PriceListLine => priceListLineSchema.parse(doc);
