/** Codes are compared without case, spaces, dashes, dots or slashes: "NIB 8520-15" = "nib852015". */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-./_]/g, '').toUpperCase();
}

/** GTIN-8/12/13/14 (EAN, UPC) with a valid GS1 check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  const digits = [...code].map(Number).reverse();
  const sum = digits.slice(1).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === digits[0];
}
