import type { DecimalString } from '../domain/money.js';
import { dateTimeFormat, numberFormat } from '../domain/intl-format.js';
import { LOCALE_OF, type DocumentLanguage } from './document-language.js';

/** How the customer's language writes the numbers and dates of an offer. */
export interface OfferNumbers {
  money(value: DecimalString): string;
  quantity(value: DecimalString): string;
  percent(value: DecimalString): string;
  date(isoDate: string): string;
}

export function offerNumbersIn(language: DocumentLanguage): OfferNumbers {
  const locale = LOCALE_OF[language];
  const dates = dateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return {
    money: (value) => numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value)),
    quantity: (value) => numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 3 }).format(Number(value)),
    percent: (value) => numberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(Number(value)),
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}
