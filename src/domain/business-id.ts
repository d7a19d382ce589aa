/**
 * Finnish business identity code (Y-tunnus): seven digits, a dash and a check digit.
 * The check digit is mod 11 over weights 7,9,10,5,8,4,2; remainder 1 is never issued.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

function checkDigit(digits: string): number | null {
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

export function isValidBusinessId(value: string): boolean {
  const m = /^(\d{7})-(\d)$/.exec(value);
  if (!m) return false;
  return checkDigit(m[1]!) === Number(m[2]);
}

/** Completes seven digits with their check digit, or null when no valid id can start so. */
export function businessIdFromDigits(sevenDigits: string): string | null {
  if (!/^\d{7}$/.test(sevenDigits)) return null;
  const check = checkDigit(sevenDigits);
  return check === null ? null : `${sevenDigits}-${check}`;
}

/** "FI12345678" (Finnish VAT number) and "1234567-8" both name the same company. */
export function normalizeBusinessId(value: string): string | null {
  const compact = value.replace(/[\s.]/g, '').toUpperCase();
  const vat = /^FI(\d{7})(\d)$/.exec(compact);
  const candidate = vat ? `${vat[1]}-${vat[2]}` : compact;
  return isValidBusinessId(candidate) ? candidate : null;
}

export function vatNumberOf(businessId: string): string {
  return `FI${businessId.replace('-', '')}`;
}
