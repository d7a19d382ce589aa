import type { Customer } from './customer.js';
import type { Person } from './person.js';
import type { PriceRule } from './price-rule.js';
import type { Product } from './product.js';

/** A seller's whole master data, as the demo ships it and an ERP is loaded with it. */
export interface MasterData {
  customers: Customer[];
  persons: Person[];
  products: Product[];
  priceRules: PriceRule[];
}
