import type { Provenance } from './provenance.js';

/** What named the run's customer, strongest first (see find_customer); `chosen`: a person set it in review. */
export type CustomerEvidence =
  | 'business id'
  | 'learned address'
  | 'sender address'
  | 'learned domain'
  | 'sender domain'
  | 'company name'
  | 'company name without its legal form'
  | 'chosen';

/** What named the run's salesperson, strongest first (see find_salesperson); `chosen`: a person set it in review. */
export type SalespersonEvidence = 'learned for customer' | 'sender' | 'recipient' | "customer's seller" | 'default seller' | 'chosen';

/** How a customer or salesperson was found; for what a person taught, who taught it and when. */
export interface PartyFinding<E extends string> {
  evidence: E;
  learnedFrom: Provenance | null;
}
