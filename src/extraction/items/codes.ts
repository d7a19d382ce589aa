import { isValidGtin } from '../../domain/product-code.js';

/** Bare numbers that are product codes, never quantities: skus (6–8 digits) and GTINs (12–14). */
const NUMBER_CODE = /(?<![\d,.x-])(?:\d{12,14}|\d{6,8})(?![\d.x-]|,\d)/g;
/** A supplier code inside a description: capitals and digits, at least two letters, "MCB-C16-1P". */
const SUPPLIER_CODE = /(?<![\w-])(?=[A-Z0-9/-]{5,}(?![\w-]))(?=[A-Z/-]*\d)(?=(?:[0-9/-]*[A-Z]){2})[A-Z0-9]+(?:[-/][A-Z0-9]+)*(?![\w-])/;
/** One token of letters and digits, maybe with - / . inside: "MCB-C16-1P", "MMJ325S". */
const CODE_TOKEN = /^(?=.{5,})(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*$/;

/** The product number of a text: a valid GTIN first, then a sku, then any other 12–14 digit number. */
export function numberCodeIn(text: string): string | null {
  const numbers = [...text.matchAll(NUMBER_CODE)].map((m) => m[0]);
  return numbers.find((n) => n.length >= 12 && isValidGtin(n)) ?? numbers.find((n) => n.length <= 8) ?? numbers[0] ?? null;
}

export function isCodeToken(text: string): boolean {
  return CODE_TOKEN.test(text);
}

/** A number code anywhere in the text, a supplier code inside it, or a text that is nothing but a code. */
export function codeIn(text: string): string | null {
  return numberCodeIn(text) ?? SUPPLIER_CODE.exec(text)?.[0] ?? (isCodeToken(text) ? text : null);
}
