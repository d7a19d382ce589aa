import type { Generated } from 'kysely';

export interface CustomerTable {
  number: string;
  name: string;
  business_id: string | null;
  vat: string | null;
  email: string | null;
  email_lower: string | null;
  seller_number: string | null;
  pricelist: string | null;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
}

export interface CustomerDomainTable {
  customer_number: string;
  domain: string;
}

export interface PersonTable {
  number: string;
  name: string;
  email: string;
  email_lower: string;
  phone: string | null;
  role: string | null;
  language: string | null;
}

export interface ProductTable {
  sku: string;
  name: string;
  extra_name: string | null;
  ean: string | null;
  supplier_codes: string;
  unit: string;
  /** Conversions as the import's `units` column writes them: "rll=200 m|pkt=100 kpl". */
  units: string | null;
  list_price: string;
  vat_rate: string;
  group_code: string | null;
  modified_at: string;
}

export interface ProductCodeTable {
  code: string;
  sku: string;
}

export interface PriceRuleTable {
  rule_key: string;
  pricelist: string;
  sku: string | null;
  group_code: string | null;
  price: string | null;
  discount: string | null;
  min_qty: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface OfferTable {
  number: number;
  reference: string;
  customer_number: string | null;
  customer_name: string | null;
  seller_number: string | null;
  customer_reference: string | null;
  offer_date: string;
  valid_until: string;
  note: string | null;
  currency: string;
  net: string;
  vat: string;
  gross: string;
  created_at: Generated<string>;
}

export interface OfferRowTable {
  offer_number: number;
  position: number;
  sku: string;
  name: string;
  quantity: string;
  unit: string;
  unit_price: string;
  discount_percent: string;
  vat_rate: string;
  line_total: string;
  note: string | null;
}

export interface CounterTable {
  name: string;
  next_value: number;
}

export interface LocalErpSchema {
  customers: CustomerTable;
  customer_domains: CustomerDomainTable;
  persons: PersonTable;
  products: ProductTable;
  product_codes: ProductCodeTable;
  price_rules: PriceRuleTable;
  offers: OfferTable;
  offer_rows: OfferRowTable;
  counters: CounterTable;
}
