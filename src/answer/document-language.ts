/** The languages an offer document and a reply to the customer are written in. */
export const DOCUMENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export function isDocumentLanguage(code: string | null | undefined): code is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(code ?? '');
}

/** The locale numbers and dates are written in: Finland's Swedish, and British English for the rest of the world's. */
export const LOCALE_OF: Record<DocumentLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
