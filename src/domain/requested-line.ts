import type { DecimalString } from './money.js';

/** One item as the customer asked for it, before we know which product it is. */
export interface RequestedLine {
  /** The customer's own words for the line, kept for the salesperson and for learning. */
  text: string;
  description: string;
  quantity: DecimalString | null;
  unit: string | null;
  /** A product code the customer gave: our sku, an EAN or a supplier's code. */
  code: string | null;
  /** What each of `unit` holds, when the customer said: "2 rullaa à 100 m" is 2 rll of 100 m each. */
  per: { quantity: DecimalString; unit: string } | null;
  /** Why the quantity is not certain ("approximate ("noin 50")", a range); null when written plainly. */
  uncertain: string | null;
}
