import { z } from 'zod';

/**
 * The Lemonsoft payloads the adapter reads, as the LemonRest schema names them. Only the
 * fields Offerflow uses are checked; everything else passes through untouched.
 */

const text = z.string().nullish();
const amount = z.number().nullish();

export const loginAnswer = z.object({ session_id: z.string().min(1) });

const contactSchema = z.object({ customer_id: z.number().nullish(), name: text, email: text, phone: text });

export const customerSchema = z.looseObject({
  id: z.number().nullish(),
  number: z.number(),
  name: z.string(),
  name2: text,
  email: text,
  vat: text,
  street: text,
  postal_code: text,
  city: text,
  country: text,
  language_code: text,
  seller_number: z.number().nullish(),
  is_nonactive: z.boolean().nullish(),
  contacts: z.array(contactSchema).nullish(),
  modified: text,
});
export type WireCustomer = z.infer<typeof customerSchema>;

export const personSchema = z.looseObject({
  number: z.number(),
  name: text,
  email: text,
  phone: text,
  gsm: text,
  /** Not in the schema's answer, whose persons filter takes a role as a number: either kind is read. */
  role: z.union([z.string(), z.number()]).nullish(),
  language_code: text,
});
export type WirePerson = z.infer<typeof personSchema>;

export const productSchema = z.looseObject({
  id: z.number().nullish(),
  sku: z.string(),
  name: text,
  extra_name: text,
  ean_code: text,
  search_code: text,
  price: amount,
  sales_price_taxless: amount,
  stock_unit: text,
  /**
   * The other units it is sold in, each with how many stock units one of it is. The contract
   * names the array but not its fields; `unit` and `multiplier` are our reading of it.
   */
  units: z.array(z.looseObject({ unit: text, multiplier: amount })).nullish(),
  taxrate_code: z.number().nullish(),
  group_code: z.union([z.number(), z.string()]).nullish(),
  is_inactive: z.boolean().nullish(),
  is_sellable: z.boolean().nullish(),
  suppliers: z.array(z.looseObject({ code: text })).nullish(),
  modified: text,
});
export type WireProduct = z.infer<typeof productSchema>;

/** A row of a price list: a product's price or discount, or a product group's discount. */
export const pricelistRowSchema = z.looseObject({
  code: z.string(),
  price: amount,
  discount: amount,
  discount2: amount,
  amount,
  unit: text,
  is_product_group: z.boolean().nullish(),
});
export type WirePricelistRow = z.infer<typeof pricelistRowSchema>;

/** A price list with its rows, the customers it is for and its validity. */
export const pricelistSchema = z.looseObject({
  id: z.number(),
  number: z.number().nullish(),
  name: text,
  customers: z.array(z.looseObject({ number: z.number().nullish() })).nullish(),
  products: z.array(pricelistRowSchema).nullish(),
  start_datetime: text,
  end_datetime: text,
});
export type WirePricelist = z.infer<typeof pricelistSchema>;

/**
 * The price endpoint's answer, untyped in the schema: a list of the price-list rows that apply,
 * or one price Lemonsoft resolved itself.
 */
export const priceAnswerSchema = z.union([
  z.object({ result_count: z.number(), results: z.array(pricelistRowSchema) }),
  z.looseObject({ price: z.number() }).transform((resolved) => ({ resolved })),
]);

export const offerRowSchema = z.looseObject({
  id: z.number().nullish(),
  product_code: text,
  product_name: text,
  product_extra_name: text,
  quantity: z.number(),
  unit: text,
  unit_price: z.number(),
  discount: amount,
  discount2: amount,
  total: z.number(),
  tax_rate: amount,
  note: text,
  inner_note: text,
  position: z.union([z.string(), z.number()]).nullish(),
});
export type WireOfferRow = z.infer<typeof offerRowSchema>;

export const offerSchema = z.looseObject({
  offer_id: z.number().nullish(),
  offer_number: z.number(),
  offer_type: z.number().nullish(),
  offer_date: text,
  offer_valid_date: text,
  offer_customer_number: z.number().nullish(),
  offer_customer_name1: text,
  offer_customer_address1: text,
  offer_customer_address2: text,
  offer_customer_address3: text,
  offer_customer_country: text,
  offer_customer_contact: text,
  offer_customer_reference: text,
  offer_our_reference: text,
  person_seller_number: z.number().nullish(),
  offer_description: text,
  offer_note: text,
  currency_code: text,
  offer_totalsum: amount,
  tot_without_tax: amount,
  offer_rows: z.array(offerRowSchema).nullish(),
});
export type WireOffer = z.infer<typeof offerSchema>;

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ result_count: z.number(), results: z.array(item) });
}
