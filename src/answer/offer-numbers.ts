import type { DecimalString } from '../domain/money.js';
import { dateTimeFormat } from '../domain/date-time-format.js';
import { LOCALE_OF, type DocumentLanguage } from './document-language.js';

const formats = new Map<string, Intl.NumberFormat>();

/** Number formats made once per locale and digits, as date formats are (src/domain/date-time-format.ts). */
function numberFormat(locale: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}/${minDigits}/${maxDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    formats.set(key, format);
  }
  return format;
}

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
    money: (value) => numberFormat(locale, 2, 2).format(Number(value)),
    quantity: (value) => numberFormat(locale, 0, 3).format(Number(value)),
    percent: (value) => numberFormat(locale, 0, 2).format(Number(value)),
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
  };
}
