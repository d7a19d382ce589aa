import { z } from 'zod';
import { normalizeBusinessId } from '../domain/business-id.js';
import { compare, isPositive, parseDecimal, type DecimalString } from '../domain/money.js';
import { isValidGtin } from '../domain/product-code.js';
import { parseConversions } from '../domain/sales-units.js';

/** Cell parsers for import files; each message names the bad value so the row can be fixed. */

function refineText<T>(parse: (value: string) => T | null, problem: (value: string) => string) {
  return z.string().transform((value, ctx): T => {
    const parsed = parse(value);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: problem(value) });
      return z.NEVER;
    }
    return parsed;
  });
}

export const text = z.string();

/** A price: a number, never below zero (zero is a free item). */
export const amount = refineText<DecimalString>(
  (v) => {
    const d = parseDecimal(v);
    return d !== null && compare(d, '0') >= 0 ? d : null;
  },
  (v) => `'${v}' is not a price (a number of 0 or more, with . or , as the decimal separator)`,
);

export const positiveDecimal = refineText<DecimalString>(
  (v) => {
    const d = parseDecimal(v);
    return d !== null && isPositive(d) ? d : null;
  },
  (v) => `'${v}' is not a positive number`,
);

export const percent = refineText<DecimalString>(
  (v) => {
    const d = parseDecimal(v.replace(/%$/, ''));
    return d !== null && Number(d) >= 0 && Number(d) <= 100 ? d : null;
  },
  (v) => `'${v}' is not a percentage between 0 and 100`,
);

export const list = z.string().transform((v) =>
  v
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean),
);

export const email = refineText(
  (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? v : null),
  (v) => `'${v}' is not an email address`,
);

export const domains = refineText(
  (v) => {
    const parts = v
      .split('|')
      .map((s) => s.trim().toLowerCase().replace(/^@/, ''))
      .filter(Boolean);
    return parts.every((d) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) ? parts : null;
  },
  (v) => `'${v}' is not a list of email domains separated by |`,
);

export const businessId = refineText(normalizeBusinessId, (v) => `'${v}' is not a valid Finnish business id (Y-tunnus, check digit)`);

export const gtin = refineText(
  (v) => (isValidGtin(v) ? v : null),
  (v) => `'${v}' is not a valid EAN/GTIN (8, 12, 13 or 14 digits with a correct check digit)`,
);

function isoDate(value: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : finnish ? [finnish[3], finnish[2], finnish[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1 ? date.toISOString().slice(0, 10) : null;
}

export const date = refineText(isoDate, (v) => `'${v}' is not a date (use YYYY-MM-DD or D.M.YYYY)`);

/** "rll=200 m|pkt=100 kpl": what one of a unit holds. */
export const unitConversions = refineText(
  (v) => (v.trim() ? parseConversions(v) : []),
  (v) => `'${v}' is not a list of unit conversions like 'rll=200 m' or 'pkt=100 kpl|ltk=1000 kpl'`,
);
