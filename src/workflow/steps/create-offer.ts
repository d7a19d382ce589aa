import type { StepOutput, WorkflowStep } from '../step.js';

/**
 * Looks the reference up before creating: if an earlier attempt created the offer and then
 * crashed before recording it, the existing offer is adopted instead of making a second one.
 */
export const createOffer: WorkflowStep = {
  name: 'create_offer',
  async run(context, env): Promise<StepOutput> {
    if (context.dryRun) return { skipped: 'dry run: nothing written to the ERP' };
    if (!context.draft) return { skipped: 'no offer to create' };
    const existing = await env.erp.offers.findByReference(context.reference);
    if (existing) return { patch: { offer: existing }, warnings: [`offer ${existing.number} already existed for this email; reused`] };
    return { patch: { offer: await env.erp.offers.create(context.draft) } };
  },
};
