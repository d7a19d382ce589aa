import type { DecimalString } from './money.js';

export type PriceRuleTarget = { kind: 'sku'; sku: string } | { kind: 'group'; group: string };

export type PriceAdjustment =
  | { kind: 'net'; price: DecimalString }
  | { kind: 'discount'; percent: DecimalString };

/** One row of a customer price list. */
export interface PriceRule {
  pricelist: string;
  target: PriceRuleTarget;
  adjustment: PriceAdjustment;
  minQty: DecimalString;
  /** ISO dates (YYYY-MM-DD), inclusive; null means open-ended. */
  validFrom: string | null;
  validTo: string | null;
}
