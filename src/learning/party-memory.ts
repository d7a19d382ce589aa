import type { Provenance, Teacher } from '../domain/provenance.js';

/** A customer or person number a reviewer chose, with who and when. */
export interface LearnedParty {
  number: string;
  learnedFrom: Provenance;
}

/**
 * What reviewers taught about who is who: the customer a sender writes for, and the salesperson
 * who serves a customer. Our own store, not the ERP's, like the phrase memory. A correction is
 * kept by address, never by domain: what a domain says is read from the addresses learned under
 * it, so that two colleagues at one domain taught apart make the domain say nothing.
 */
export interface PartyMemory {
  /** The customer last chosen for mail from this exact address. */
  customerOfAddress(address: string): Promise<LearnedParty | null>;
  /** The customer every address learned at this domain was given; null when none was, or they differ. */
  customerOfDomain(domain: string): Promise<LearnedParty | null>;
  rememberCustomer(correction: { address: string; customerNumber: string; by: Teacher }): Promise<void>;
  /** The salesperson last chosen for this customer's offers. */
  salespersonOf(customerNumber: string): Promise<LearnedParty | null>;
  rememberSalesperson(correction: { customerNumber: string; personNumber: string; by: Teacher }): Promise<void>;
}
