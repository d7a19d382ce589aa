import type { WorkflowStep } from './step.js';
import { dataFlowProblems } from './step-contract.js';
import { buildOffer } from './steps/build-offer.js';
import { calculatePricing } from './steps/calculate-pricing.js';
import { createOffer } from './steps/create-offer.js';
import { extractCompany } from './steps/extract-company.js';
import { extractProducts } from './steps/extract-products.js';
import { findCustomer } from './steps/find-customer.js';
import { findSalesperson } from './steps/find-salesperson.js';
import { matchProducts } from './steps/match-products.js';
import { parseEmailStep } from './steps/parse-email.js';
import { verifyOffer } from './steps/verify-offer.js';

export interface DefinedStep {
  step: WorkflowStep;
  /** A failed critical step ends the run as failed; a failed non-critical one adds a warning. */
  critical: boolean;
}

export interface WorkflowDefinition {
  readonly steps: readonly DefinedStep[];
}

/** A workflow whose steps each read only what is given or written before them; checked at once. */
export function defineWorkflow(steps: readonly DefinedStep[]): WorkflowDefinition {
  const problems = dataFlowProblems(steps.map((d) => d.step));
  if (problems.length > 0) throw new Error(`the workflow's data flow is broken: ${problems.join('; ')}`);
  return { steps };
}

/**
 * Who is asking and who answers may stay unknown (the run then needs review); without the
 * email, its lines, their products and prices there is no offer to make.
 */
export const offerWorkflow = defineWorkflow([
  { step: parseEmailStep, critical: true },
  { step: extractCompany, critical: false },
  { step: findCustomer, critical: false },
  { step: findSalesperson, critical: false },
  { step: extractProducts, critical: true },
  { step: matchProducts, critical: true },
  { step: calculatePricing, critical: true },
  { step: buildOffer, critical: true },
  { step: createOffer, critical: true },
  { step: verifyOffer, critical: false },
]);
