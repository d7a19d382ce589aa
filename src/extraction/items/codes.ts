import { isValidGtin } from '../../domain/product-code.js';

/** Bare numbers that are product codes, never quantities: skus (6–8 digits) and GTINs (12–14). */
const NUMBER_CODE = /(?<![\d,.x-])(?:\d{12,14}|\d{6,8})(?![\d.x-]|,\d)/g;
/** Where a supplier code can be: a run of capitals, digits, dashes and slashes. */
const CODE_RUN = /[A-Z0-9/-]+/g;
/** Capitals and digits joined by single dashes or slashes, ending at the run's end or at a slash. */
const CODE_CHAIN = /[A-Z0-9]+(?:[-/][A-Z0-9]+)*(?![\w-])/y;
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

/** The last index in `run` where `pattern` matches (the one before it with `fromEnd` 2), or -1. */
function lastIndexIn(run: string, pattern: RegExp, fromEnd = 1): number {
  return [...run.matchAll(pattern)].at(-fromEnd)?.index ?? -1;
}

/**
 * A supplier code inside a description: capitals and digits, at least two letters, "MCB-C16-1P",
 * also right after a slash ("kulma/MCB-C16"). It starts at a run's start or after a slash in it,
 * and from there on holds five characters or more up to a slash or the run's end, a digit and two
 * capitals. As one pattern, every slash of a long "/A/A/A…" would look ahead to the run's end
 * again; here each run is read a few times over: those three only get harder to meet further into
 * the run, and a start that makes no chain leaves no slash behind it to start from.
 */
function supplierCodeIn(text: string): string | null {
  for (const { 0: run, index } of text.matchAll(CODE_RUN)) {
    const farthestEnd = /\w/.test(text[index + run.length] ?? '') ? lastIndexIn(run, /\//g) : run.length;
    const lastDigit = lastIndexIn(run, /\d/g);
    const secondLastCapital = lastIndexIn(run, /[A-Z]/g, 2);
    const afterSlashes = [...run.matchAll(/\//g)].map((m) => m.index + 1);
    const starts = /\w/.test(text[index - 1] ?? '') ? afterSlashes : [0, ...afterSlashes];
    for (const start of starts) {
      if (farthestEnd - start < 5 || start > lastDigit || start > secondLastCapital) break;
      CODE_CHAIN.lastIndex = index + start;
      const chain = CODE_CHAIN.exec(text)?.[0];
      if (chain) return chain;
    }
  }
  return null;
}

/** A number code anywhere in the text, a supplier code inside it, or a text that is nothing but a code. */
export function codeIn(text: string): string | null {
  return numberCodeIn(text) ?? supplierCodeIn(text) ?? (isCodeToken(text) ? text : null);
}
