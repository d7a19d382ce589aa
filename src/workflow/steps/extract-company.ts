import { companyFacts } from '../../extraction/company-facts.js';
import type { WorkflowStep } from '../step.js';

export const extractCompany: WorkflowStep = {
  name: 'extract_company',
  async run(context) {
    const text = `${context.body}\n${context.signature}`;
    return { patch: { company: companyFacts(text, context.requester?.address ?? null) } };
  },
};
