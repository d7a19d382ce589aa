import { z } from 'zod';

/**
 * Readings of LemonRest that its public schema leaves open, each switchable so that the adapter
 * is tested against every one of them and not only against our own guess. The defaults are the
 * readings the adapter was first written for.
 */
export const variantSchema = z.strictObject({
  /** What a 2xx renew answers: a new session, `{}` without `session_id`, or no body at all. */
  renewAnswer: z.enum(['session', 'noSessionId', 'empty']).optional(),
  /**
   * What the price endpoint answers: the applying price-list rows as a list, or one price it
   * resolved itself (the rows from quantity 1, the product's own before its group's).
   */
  priceAnswer: z.enum(['rows', 'resolved']).optional(),
  /** `PUT /api/offers` and the row writes do their work and answer 2xx with no body. */
  emptyWriteAnswers: z.boolean().optional(),
  /** `PUT /api/offers` replaces the whole header with what was sent, instead of merging it in. */
  putReplacesHeader: z.boolean().optional(),
  /** Rows are answered numbered 10, 20, 30… in their order, whatever position they were sent with. */
  renumberRows: z.boolean().optional(),
  /** The offer search (`filter.search`) looks at every header field but `offer_our_reference`. */
  searchIgnoresReference: z.boolean().optional(),
});
export type VariantUpdate = z.input<typeof variantSchema>;
export type Variant = Required<z.output<typeof variantSchema>>;

export const DEFAULT_VARIANT: Variant = { renewAnswer: 'session', priceAnswer: 'rows', emptyWriteAnswers: false, putReplacesHeader: false, renumberRows: false, searchIgnoresReference: false };
