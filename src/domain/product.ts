import type { DecimalString } from './money.js';

export const DEFAULT_VAT_RATE: DecimalString = '25.5';

/** One `unit` holds `quantity` of `of`: "1 rll = 200 m", "1 pkt = 100 kpl". */
export interface UnitConversion {
  unit: string;
  quantity: DecimalString;
  of: string;
}

export interface Product {
  sku: string;
  name: string;
  extraName: string | null;
  ean: string | null;
  supplierCodes: string[];
  unit: string;
  /** How other units convert to and from `unit`, as the ERP knows them; empty when it does not. */
  units: UnitConversion[];
  /** List price excluding VAT. */
  listPrice: DecimalString;
  vatRate: DecimalString;
  group: string | null;
}
