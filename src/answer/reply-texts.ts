import type { DocumentLanguage } from './document-language.js';

export interface ReplyTexts {
  /** Prefixed to the request's subject unless it already starts with a reply prefix. */
  replyPrefix: string;
  greeting(name: string | null): string;
  offerAttached(number: string, validUntil: string): string;
  total(gross: string, currency: string): string;
  questions: string;
  closing: string;
  fileName(number: string): string;
}

export const REPLY_TEXTS: Record<DocumentLanguage, ReplyTexts> = {
  fi: {
    replyPrefix: 'Re:',
    greeting: (name) => (name ? `Hei ${name},` : 'Hei,'),
    offerAttached: (number, validUntil) => `kiitos tarjouspyynnöstänne. Liitteenä on tarjouksemme ${number}, joka on voimassa ${validUntil} asti.`,
    total: (gross, currency) => `Tarjouksen loppusumma on ${gross} ${currency} (sis. ALV).`,
    questions: 'Vastaamme mielellämme kysymyksiinne.',
    closing: 'Ystävällisin terveisin',
    fileName: (number) => `Tarjous-${number}.pdf`,
  },
  sv: {
    replyPrefix: 'Sv:',
    greeting: (name) => (name ? `Hej ${name},` : 'Hej,'),
    offerAttached: (number, validUntil) => `tack för er offertförfrågan. Bifogat finns vår offert ${number}, som gäller till ${validUntil}.`,
    total: (gross, currency) => `Offertens slutsumma är ${gross} ${currency} (inkl. moms).`,
    questions: 'Vi svarar gärna på era frågor.',
    closing: 'Med vänliga hälsningar',
    fileName: (number) => `Offert-${number}.pdf`,
  },
  en: {
    replyPrefix: 'Re:',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    offerAttached: (number, validUntil) => `thank you for your request for quotation. Please find attached our quotation ${number}, valid until ${validUntil}.`,
    total: (gross, currency) => `The quotation totals ${gross} ${currency} including VAT.`,
    questions: 'We are happy to answer any questions.',
    closing: 'Kind regards',
    fileName: (number) => `Quotation-${number}.pdf`,
  },
};
