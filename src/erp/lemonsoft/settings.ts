import { z } from 'zod';

/** Lemonsoft's usual tax rate codes; an installation with others sets `taxRates`. */
export const DEFAULT_TAX_RATES: Readonly<Record<string, string>> = { '1': '25.5', '2': '14', '3': '10', '4': '0' };

/**
 * The adapter's settings, from the config's `erp.settings` or OFFERFLOW_ERP_* variables.
 * Tax rate codes are per installation, so the table that reads them is a setting too.
 */
const lemonsoftSettingsSchema = z.object({
  baseUrl: z
    .url()
    // Credentials in the URL would travel into every error message that quotes it.
    .refine((url) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password), 'must not carry a user name or password; give them as username and password')
    .transform((url) => url.replace(/\/+$/, '')),
  username: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1),
  apiKey: z.string().min(1),
  offerType: z.coerce.number().int().positive().default(6),
  /** The price list the price endpoint is asked through; the customer's own lists apply on top. */
  pricelistId: z.coerce.number().int().positive().default(1),
  /**
   * Where prices come from: the price endpoint's price-list rows for the customer and date, or,
   * where that endpoint answers one resolved price (which hides the quantity breaks), the price
   * lists themselves, read whole.
   */
  priceSource: z.enum(['endpoint', 'pricelists']).default('endpoint'),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  timeoutMs: z.coerce.number().int().min(100).max(300_000).default(60_000),
  maxRetries: z.coerce.number().int().min(0).max(10).default(4),
  retryBaseMs: z.coerce.number().int().min(1).max(60_000).default(500),
  concurrency: z.coerce.number().int().min(1).max(64).default(4),
  /** A Lemonsoft server is shared with the seller's own users: Offerflow keeps to this pace. */
  maxCallsPerSecond: z.coerce.number().min(0.1).max(1000).default(20),
  /** Sessions live 30 minutes; renewing a little before keeps calls from meeting a dead one. */
  renewAfterMinutes: z.coerce.number().min(0).max(30).default(25),
  /**
   * How an offer is found by our reference: Lemonsoft's offer search, or, where that search
   * does not cover `offer_our_reference`, a scan of the offer list, page by page.
   */
  offerLookup: z.enum(['search', 'scan']).default('search'),
  taxRates: z.record(z.string(), z.string().regex(/^\d+(\.\d+)?$/)).default({ ...DEFAULT_TAX_RATES }),
});

export type LemonsoftSettings = z.infer<typeof lemonsoftSettingsSchema>;

export function parseLemonsoftSettings(settings: Record<string, unknown>): LemonsoftSettings {
  const parsed = lemonsoftSettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `erp.settings.${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid Lemonsoft settings:\n  ${problems.join('\n  ')}`);
}
