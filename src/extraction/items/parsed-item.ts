import type { PerUnit } from './pack-phrase.js';

/** One item as read from text, before its quantity is a decimal and its unit ours. */
export interface ParsedItem {
  /** The customer's words for this item. */
  text: string;
  description: string;
  quantity: string;
  unit: string | null;
  code: string | null;
  /** What each of the units holds, when the customer said: "2 rullaa à 100 m". */
  per: PerUnit | null;
}
