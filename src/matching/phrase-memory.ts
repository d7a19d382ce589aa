import type { Provenance, Teacher } from '../domain/provenance.js';
import { fold } from './terms.js';

/** Who a learned match holds for: the customer who was corrected, or (weaker) everyone. */
export type MemoryScope = 'customer' | 'everyone';

export interface Remembered {
  sku: string;
  scope: MemoryScope;
  /** Who taught it and when; null for what came from a file of part numbers, or was taught before this was kept. */
  learnedFrom: Provenance | null;
}

export interface Correction {
  customerNumber: string | null;
  description: string;
  /** The customer's own part number for the item, when they gave one. */
  code: string | null;
  sku: string;
  /** The person who taught it; absent when no one did in person (a command line, a sync from the ERP). */
  by?: Teacher;
}

/** A customer's own part number for one of our products, from their purchasing system. */
export interface CustomerCode {
  customerNumber: string;
  code: string;
  sku: string;
  /** The customer's own name for the item, when the file gives one: their words for it too. */
  description: string | null;
}

/**
 * What salespeople taught, and the part numbers customers use: a customer's words or code for a
 * product. Our own store, not the ERP's, so that it holds whichever ERP is behind.
 */
export interface PhraseMemory {
  recall(request: { customerNumber: string | null; description: string; code: string | null }): Promise<Remembered | null>;
  remember(correction: Correction): Promise<void>;
  /** Customer part numbers, all in one transaction: for that customer only, a later file's code replacing an earlier one's. */
  learnCodes(codes: CustomerCode[]): Promise<void>;
}

/** The same words however they are cased, spaced or typed with ä/ö. */
export function phraseKey(description: string): string {
  return fold(description).replace(/[^a-z0-9".]+/g, ' ').trim();
}
