import type { MatchCandidate } from '../domain/line-match.js';
import type { DocumentLanguage } from './document-language.js';

/** One question about one requested line: which of these products the customer meant. */
export interface LineQuestion {
  /** Index of the requested line in the run. */
  line: number;
  /** The customer's own words for it, quoted back to them. */
  requested: string;
  /** Numbered from 1 in the mail, in this order. */
  choices: { sku: string; name: string }[];
  /** What the mail asks, as the salesperson left it. */
  text: string;
}

const MAX_CHOICES = 5;

const ASK: Record<DocumentLanguage, (position: number, requested: string) => string> = {
  fi: (position, requested) => `Rivi ${position}, "${requested}": mitä näistä tarkoitatte?`,
  sv: (position, requested) => `Rad ${position}, "${requested}": vilken av dessa menar ni?`,
  en: (position, requested) => `Line ${position}, "${requested}": which of these do you mean?`,
};

/**
 * The question the workspace offers for a line whose candidates the request does not tell
 * apart: the customer's words and the candidates, numbered, for them to answer by number, code
 * or name. The salesperson may rewrite the text; the choices stay what the answer is read against.
 */
export function lineQuestion(line: number, requested: string, candidates: MatchCandidate[], language: DocumentLanguage): LineQuestion {
  const choices = candidates.slice(0, MAX_CHOICES).map((c) => ({ sku: c.sku, name: c.name }));
  const list = choices.map((c, i) => `  ${i + 1}) ${c.sku} ${c.name}`);
  return { line, requested, choices, text: [ASK[language](line + 1, requested), ...list].join('\n') };
}
