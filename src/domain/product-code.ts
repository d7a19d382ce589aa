/** Codes are compared without case, spaces, dashes, dots or slashes: "NIB 8520-15" = "nib852015". */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-./_]/g, '').toUpperCase();
}

/** The GS1 check digit that completes a GTIN body (all digits but the last). */
export function gtinCheckDigit(body: string): number {
  const digits = [...body].map(Number).reverse();
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10;
}

/** GTIN-8/12/13/14 (EAN, UPC) with a valid GS1 check digit. */
export function isValidGtin(code: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}
