import { companyFacts } from '../../extraction/company-facts.js';
import type { WorkflowStep } from '../step.js';

export const extractCompany: WorkflowStep = {
  name: 'extract_company',
  async run(context) {
    return { patch: { company: companyFacts(context.askerText, context.requester?.address ?? null, context.signature) } };
  },
};
