import { compare, type DecimalString } from '../domain/money.js';
import type { PriceRule } from '../domain/price-rule.js';
import type { Product } from '../domain/product.js';

export type PriceSource = 'pricelist-sku' | 'pricelist-group' | 'list';

export interface ResolvedPrice {
  unitPrice: DecimalString;
  discountPercent: DecimalString;
  source: PriceSource;
}

function validOn(rule: PriceRule, date: string): boolean {
  return (rule.validFrom === null || rule.validFrom <= date) && (rule.validTo === null || date <= rule.validTo);
}

/** Of the rules that apply at this quantity, the one with the highest minimum quantity wins. */
function bestByQuantity(rules: PriceRule[], quantity: DecimalString): PriceRule | null {
  return rules
    .filter((r) => compare(r.minQty, quantity) <= 0)
    .reduce<PriceRule | null>((best, r) => (best === null || compare(r.minQty, best.minQty) > 0 ? r : best), null);
}

function fromRule(rule: PriceRule, product: Product, source: PriceSource): ResolvedPrice {
  return rule.adjustment.kind === 'net'
    ? { unitPrice: rule.adjustment.price, discountPercent: '0', source }
    : { unitPrice: product.listPrice, discountPercent: rule.adjustment.percent, source };
}

/**
 * The customer's price for a product: a sku row of their price list beats a product-group
 * row, which beats the list price. `rules` are the rows of the customer's price list.
 */
export function resolvePrice(product: Product, rules: PriceRule[], quantity: DecimalString, date: string): ResolvedPrice {
  const current = rules.filter((r) => validOn(r, date));
  const skuRule = bestByQuantity(
    current.filter((r) => r.target.kind === 'sku' && r.target.sku === product.sku),
    quantity,
  );
  if (skuRule) return fromRule(skuRule, product, 'pricelist-sku');
  const groupRule = bestByQuantity(
    current.filter((r) => r.target.kind === 'group' && r.target.group === product.group),
    quantity,
  );
  if (groupRule) return fromRule(groupRule, product, 'pricelist-group');
  return { unitPrice: product.listPrice, discountPercent: '0', source: 'list' };
}
