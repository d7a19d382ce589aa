import { z } from 'zod';

/**
 * The Business Central API v2.0 payloads the adapter reads, in BC's own field names (API pages
 * "APIV2 - Customers", "- Items", "- Salesperson/Purchaser", "- Sales Quotes", "- Sales Quote
 * Lines"). Only the fields Offerflow uses are checked; everything else passes through.
 */

const text = z.string().nullish();
const amount = z.number().nullish();
const etag = { '@odata.etag': z.string().optional() };

export const tokenAnswer = z.object({
  access_token: z.string().min(1),
  /** Seconds; Entra sends a number, some proxies a numeric string. */
  expires_in: z.coerce.number().positive(),
});

/** Entra's error answer: `error` is a code such as `invalid_client`. */
export const tokenError = z.looseObject({ error: z.string(), error_description: text });

/** OData's error answer, as BC gives it for every refused call. */
export const odataError = z.object({ error: z.looseObject({ code: z.string(), message: z.string() }) });

export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
}

export const companySchema = z.looseObject({ id: z.string(), name: z.string(), displayName: text });
export type WireCompany = z.infer<typeof companySchema>;

export const customerSchema = z.looseObject({
  ...etag,
  id: z.string(),
  number: z.string(),
  displayName: z.string(),
  email: text,
  website: text,
  taxRegistrationNumber: text,
  salespersonCode: text,
  addressLine1: text,
  addressLine2: text,
  city: text,
  postalCode: text,
  country: text,
  /** `_x0020_` (or `" "`) for not blocked; `Ship`, `Invoice`, `All`. */
  blocked: text,
  lastModifiedDateTime: text,
});
export type WireCustomer = z.infer<typeof customerSchema>;

export const salespersonSchema = z.looseObject({
  ...etag,
  id: z.string(),
  code: z.string(),
  displayName: text,
  email: text,
  phoneNo: text,
  jobTitle: text,
  blocked: z.boolean().nullish(),
});
export type WireSalesperson = z.infer<typeof salespersonSchema>;

export const itemSchema = z.looseObject({
  ...etag,
  id: z.string(),
  number: z.string(),
  displayName: text,
  displayName2: text,
  gtin: text,
  blocked: z.boolean().nullish(),
  unitPrice: amount,
  itemCategoryCode: text,
  baseUnitOfMeasureCode: text,
  lastModifiedDateTime: text,
});
export type WireItem = z.infer<typeof itemSchema>;

export const quoteLineSchema = z.looseObject({
  ...etag,
  id: z.string(),
  documentId: text,
  sequence: z.number(),
  lineType: text,
  lineObjectNumber: text,
  description: text,
  description2: text,
  unitOfMeasureCode: text,
  quantity: amount,
  unitPrice: amount,
  discountPercent: amount,
  amountExcludingTax: amount,
  taxPercent: amount,
});
export type WireQuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteSchema = z.looseObject({
  ...etag,
  id: z.string(),
  number: z.string(),
  externalDocumentNumber: text,
  documentDate: text,
  validUntilDate: text,
  customerNumber: text,
  customerName: text,
  salesperson: text,
  currencyCode: text,
  totalAmountExcludingTax: amount,
  totalTaxAmount: amount,
  totalAmountIncludingTax: amount,
  lastModifiedDateTime: text,
  salesQuoteLines: z.array(quoteLineSchema).optional(),
});
export type WireQuote = z.infer<typeof quoteSchema>;
