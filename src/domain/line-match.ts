import type { Product } from './product.js';
import type { Provenance } from './provenance.js';

export interface MatchCandidate {
  sku: string;
  name: string;
  /** 0..1: how sure we are that this is the product the customer meant. */
  confidence: number;
}

export interface LineMatch {
  /** Null when no candidate reached the auto-accept threshold; see `alternatives`. */
  product: Product | null;
  confidence: number;
  /** How it was found: by a code, by what a salesperson taught, by the name, chosen by a person in review, or not at all. */
  method: 'code' | 'learned' | 'name' | 'chosen' | 'none';
  /** Which seller rule chose among near-duplicates, for the salesperson to see on the line. */
  note?: string;
  /** For a match from what a person taught (`learned`, or `code` by the customer's own code): who and when. */
  learnedFrom?: Provenance;
  alternatives: MatchCandidate[];
}
