import type { DecimalString } from './money.js';

export const DEFAULT_VAT_RATE: DecimalString = '25.5';

export interface Product {
  sku: string;
  name: string;
  extraName: string | null;
  ean: string | null;
  supplierCodes: string[];
  unit: string;
  /** List price excluding VAT. */
  listPrice: DecimalString;
  vatRate: DecimalString;
  group: string | null;
}
