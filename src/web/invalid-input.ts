import type { z } from 'zod';

/** What was wrong with a query or body, each problem named by its field (or by `whole` when it is the input itself). */
export function invalidInput(issues: readonly z.core.$ZodIssue[], whole: string): string {
  return issues.map((i) => `${i.path.join('.') || whole}: ${i.message}`).join('; ');
}
