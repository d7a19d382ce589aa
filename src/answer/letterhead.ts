import { z } from 'zod';

/**
 * The seller as the customer sees it at the top and foot of every offer document. Terms are
 * given per language; a language left out falls back to the Finnish text, the seller's own.
 */
const termsSchema = z.object({ fi: z.string().min(1), sv: z.string().min(1).optional(), en: z.string().min(1).optional() });

export const letterheadSchema = z.object({
  name: z.string().min(1),
  addressLines: z.array(z.string().min(1)).max(4).default([]),
  /** Y-tunnus, "1234567-8". */
  businessId: z.string().regex(/^\d{7}-\d$/, 'must be a Finnish business id such as 1234567-8').nullable().default(null),
  vatNumber: z.string().min(4).nullable().default(null),
  phone: z.string().min(1).nullable().default(null),
  email: z.email().nullable().default(null),
  website: z.string().min(1).nullable().default(null),
  bank: z.object({ name: z.string().min(1), iban: z.string().min(15), bic: z.string().min(8) }).nullable().default(null),
  /** A PNG or JPEG file, printed at the top left. */
  logoFile: z.string().min(1).nullable().default(null),
  paymentTerms: termsSchema.nullable().default(null),
  deliveryTerms: termsSchema.nullable().default(null),
});
export type Letterhead = z.infer<typeof letterheadSchema>;
export type Terms = NonNullable<Letterhead['paymentTerms']>;
