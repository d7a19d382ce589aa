import { z } from 'zod';
import { DEFAULT_VAT_RATE } from '../../domain/product.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

const withoutCredentials = (url: string) => !URL.canParse(url) || (!new URL(url).username && !new URL(url).password);

const baseUrl = z
  .url()
  // Credentials in a URL would travel into every error message that quotes it.
  .refine(withoutCredentials, 'must not carry a user name or password; give them as clientId and clientSecret')
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * The adapter's settings, from the config's `erp.settings` or OFFERFLOW_ERP_* variables. The
 * URLs default to Business Central online; `tokenUrl` and `apiUrl` point elsewhere for an
 * on-premises server, a proxy or the simulator.
 */
const bcSettingsSchema = z
  .object({
    /** The Microsoft Entra tenant: its id or a domain of it. */
    tenant: z.string().min(1),
    environment: z.string().min(1).default('production'),
    /** The company's name, or its id (a GUID). */
    company: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    /**
     * The number of the customer that quotes for senders Offerflow does not know are made for,
     * as many BC companies keep one for prospects; without it such an offer cannot be stored.
     */
    prospectCustomer: z.string().min(1).max(20).transform((number) => number.toUpperCase()).optional(),
    /**
     * `bc`: Business Central prices each request itself, by a scratch quote made and deleted
     * (API v2.0 serves no price lists; see `BcPricingService`). `itemPrice`: every customer is
     * offered the item's unit price without discount, for installations that forbid those writes.
     */
    pricing: z.enum(['bc', 'itemPrice']).default('bc'),
    /** Who prints the offer the customer is sent: `bc`, its own quote report in the seller's layout; `offerflow`, Offerflow's PDF. */
    printedBy: z.enum(['bc', 'offerflow']).default('bc'),
    tokenUrl: baseUrl.optional(),
    apiUrl: baseUrl.optional(),
    /**
     * The VAT rate products are offered at. API v2.0 gives no item's rate (its VAT product
     * posting group is not on the items page); a quote's lines carry BC's own rate once written.
     */
    vatRate: z.string().regex(/^\d+(\.\d+)?$/).default(DEFAULT_VAT_RATE),
    /** Asked for with `Prefer: odata.maxpagesize`; BC online serves at most 20,000. */
    pageSize: z.coerce.number().int().min(1).max(20_000).default(500),
    timeoutMs: z.coerce.number().int().min(100).max(600_000).default(60_000),
    maxRetries: z.coerce.number().int().min(0).max(10).default(4),
    retryBaseMs: z.coerce.number().int().min(1).max(60_000).default(500),
    /** BC processes five requests of one user at once and queues the rest. */
    concurrency: z.coerce.number().int().min(1).max(5).default(4),
    /** BC online allows a user 6,000 requests in any five minutes (20 a second): Offerflow stays under it. */
    maxCallsPerSecond: z.coerce.number().min(0.1).max(1000).default(15),
  })
  .transform((settings) => ({
    ...settings,
    prospectCustomer: settings.prospectCustomer ?? null,
    tokenUrl: settings.tokenUrl ?? `https://login.microsoftonline.com/${encodeURIComponent(settings.tenant)}/oauth2/v2.0/token`,
    apiUrl: settings.apiUrl ?? `https://api.businesscentral.dynamics.com/v2.0/${encodeURIComponent(settings.tenant)}/${encodeURIComponent(settings.environment)}/api/v2.0`,
  }));

export type BcSettings = z.infer<typeof bcSettingsSchema>;

/** Names the setting of each problem; the secret itself is never quoted. */
export function parseBcSettings(settings: Record<string, unknown>): BcSettings {
  const parsed = bcSettingsSchema.safeParse(settings);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `erp.settings.${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid Business Central settings:\n  ${problems.join('\n  ')}`);
}
