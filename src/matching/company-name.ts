import { LEGAL_FORMS } from '../domain/legal-forms.js';
import { fold } from './terms.js';
import { withinOneEdit } from './word-similarity.js';

const LEGAL_FORM = new RegExp(`(?<![a-z])(?:${LEGAL_FORMS.map((f) => f.toLowerCase()).join('|')})(?![a-z])`, 'g');
/** "Rör & Värme" is also written "Rör och Värme". */
const JOINING_WORDS = new Set(['ja', 'och', 'and', 'und']);

/** The words that name a company: folded, without its legal form and punctuation. */
export function companyNameWords(name: string): string[] {
  return fold(name)
    .replace(LEGAL_FORM, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !JOINING_WORDS.has(w));
}

/** Names are not inflected in a signature: a word is the same word, or the same with one typo. */
function nameWordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return Math.min(a.length, b.length) >= 5 && withinOneEdit(a, b) ? 0.9 : 0;
}

function coverage(words: string[], of: string[]): number {
  return words.reduce((sum, w) => sum + Math.max(0, ...of.map((o) => nameWordSimilarity(w, o))), 0) / words.length;
}

/**
 * How surely a name from a signature is this customer's name, 0..1: every word of each must
 * be found in the other, so "Virtanen Oy" is not "Putkityö Virtanen Oy" but "LVI Asennus
 * Korhonen" is "LVI-Asennus Korhonen Oy".
 */
export function companyNameSimilarity(written: string, customerName: string): number {
  const a = companyNameWords(written);
  const b = companyNameWords(customerName);
  if (a.length === 0 || b.length === 0) return 0;
  return Math.min(coverage(a, b), coverage(b, a));
}
