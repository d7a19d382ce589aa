import type { Product } from './product.js';

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
  method: 'code' | 'name' | 'none';
  alternatives: MatchCandidate[];
}
