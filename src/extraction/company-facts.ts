import { businessIdFromDigits, normalizeBusinessId } from '../domain/business-id.js';
import { LEGAL_FORMS } from '../domain/legal-forms.js';

export interface CompanyFacts {
  businessIds: string[];
  companyNames: string[];
  /** Signature lines that may name the company without its legal form ("Porin Teollisuusasennus"). */
  signatureNames: string[];
  senderAddress: string | null;
  senderDomain: string | null;
}

/** One to four capitalised words on one line, then a legal form: "Rör & Värme Lindqvist Ab". */
const COMPANY_NAME = new RegExp(
  String.raw`(?<![\wÅÄÖåäö&.\-])((?:(?:[A-ZÅÄÖ0-9][\wÅÄÖåäö&.\-]*|&)[ \t]+){1,4}(?:${LEGAL_FORMS.join('|')}))(?![\wåäö])`,
  'g',
);

/** "1234567-8", "Y-tunnus 1234567-8", "FI12345678", "FI 1234 5678"; only ids with a valid check digit. */
export function findBusinessIds(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(\d{7})-(\d)\b/g)) {
    const id = normalizeBusinessId(`${m[1]}-${m[2]}`);
    if (id) found.add(id);
  }
  for (const m of text.matchAll(/\bFI\s?(\d{4})\s?(\d{4})\b/gi)) {
    const id = normalizeBusinessId(`FI${m[1]}${m[2]}`);
    if (id && businessIdFromDigits(id.slice(0, 7)) === id) found.add(id);
  }
  return [...found];
}

export function findCompanyNames(text: string): string[] {
  const names = [...text.matchAll(COMPANY_NAME)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
  return [...new Set(names)].filter((n) => /[A-Za-zÅÄÖåäö]{2}/.test(n.replace(/\s\S+$/, '')));
}

/** A line of one to five capitalised words, no digits, addresses or labels: a name of something. */
const NAME_LINE = /^(?:[\p{Lu}&][\p{L}&.'-]*)(?:[ \t]+[\p{Lu}&][\p{L}&.'-]*){0,4}$/u;

/** The signature's lines that may be a company's name; the closing and the person are among them, and find no customer. */
export function signatureNames(signature: string): string[] {
  return signature
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length <= 60 && NAME_LINE.test(line));
}

export function companyFacts(text: string, senderAddress: string | null, signature = ''): CompanyFacts {
  return {
    businessIds: findBusinessIds(text),
    companyNames: findCompanyNames(text),
    signatureNames: signatureNames(signature).filter((line) => !findCompanyNames(line).length),
    senderAddress,
    senderDomain: senderAddress?.split('@')[1]?.toLowerCase() ?? null,
  };
}
