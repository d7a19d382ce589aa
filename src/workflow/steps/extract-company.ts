import { companyFacts } from '../../extraction/company-facts.js';
import { defineStep } from '../step.js';

export const extractCompany = defineStep({
  name: 'extract_company',
  reads: ['askerText', 'requester', 'signature'],
  writes: ['company'],
  async run(context) {
    return { patch: { company: companyFacts(context.askerText, context.requester?.address ?? null, context.signature) } };
  },
});
