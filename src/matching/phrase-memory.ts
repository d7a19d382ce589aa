import { fold } from './terms.js';

/** Who a learned match holds for: the customer who was corrected, or (weaker) everyone. */
export type MemoryScope = 'customer' | 'everyone';

export interface Remembered {
  sku: string;
  scope: MemoryScope;
}

export interface Correction {
  customerNumber: string | null;
  description: string;
  /** The customer's own part number for the item, when they gave one. */
  code: string | null;
  sku: string;
}

/** What salespeople taught: a customer's words or part number for a product. Our own store, not the ERP's. */
export interface PhraseMemory {
  recall(request: { customerNumber: string | null; description: string; code: string | null }): Promise<Remembered | null>;
  remember(correction: Correction): Promise<void>;
}

/** The same words however they are cased, spaced or typed with ä/ö. */
export function phraseKey(description: string): string {
  return fold(description).replace(/[^a-z0-9".]+/g, ' ').trim();
}
