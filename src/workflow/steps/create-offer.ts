import { defineStep } from '../step.js';

/**
 * Creation is idempotent by our reference: if an earlier attempt created the offer (whole or
 * in part) and then crashed before recording it, the ERP adapter completes and returns that
 * offer instead of making a second one. The lookup first only tells the salesperson so. The
 * fence goes first: a worker that took the run over from a stalled one waits here until that
 * one's writes are over, so that what it then finds in the ERP is the whole story.
 */
export const createOffer = defineStep({
  name: 'create_offer',
  reads: ['dryRun', 'draft', 'reference'],
  writes: ['offer'],
  async run(context, env) {
    if (context.dryRun) return { skipped: 'dry run: nothing written to the ERP' };
    if (!context.draft) return { skipped: 'no offer to create' };
    await env.fence();
    const existing = await env.erp.offers.findByReference(context.reference);
    const offer = await env.erp.offers.create(context.draft, env.fence);
    return { patch: { offer }, warnings: existing ? [`offer ${offer.number} already existed for this email; reused`] : [] };
  },
});
