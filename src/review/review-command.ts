import { z } from 'zod';
import { reviewEditSchema } from './review-edit.js';

/**
 * Anything a salesperson can do to a run, as the pages and the API send it: one schema for
 * both, so a form and a JSON call are checked alike.
 */
export const reviewCommandSchema = z.discriminatedUnion('kind', [
  ...reviewEditSchema.options,
  z.object({ kind: z.literal('approve') }),
  z.object({ kind: z.literal('not_an_rfq') }),
  z.object({ kind: z.literal('process_again') }),
  z.object({ kind: z.literal('send_to_customer') }),
  z.object({
    kind: z.literal('ask_customer'),
    questions: z.array(z.object({ line: z.number().int().nonnegative(), text: z.string().max(2000) })).min(1).max(50),
  }),
]);

export type ReviewCommand = z.infer<typeof reviewCommandSchema>;

/** Who sends it and from which page: a fresh id per action, and the revision the page showed. */
export const actionEnvelopeSchema = z.object({
  actionId: z.string().trim().min(8).max(100),
  revision: z.number().int().nonnegative(),
});
