import { businessIdFromDigits, normalizeBusinessId } from '../domain/business-id.js';
import { LEGAL_FORMS } from '../domain/legal-forms.js';

export interface CompanyFacts {
  businessIds: string[];
  companyNames: string[];
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

export function companyFacts(text: string, senderAddress: string | null): CompanyFacts {
  return {
    businessIds: findBusinessIds(text),
    companyNames: findCompanyNames(text),
    senderAddress,
    senderDomain: senderAddress?.split('@')[1]?.toLowerCase() ?? null,
  };
}
