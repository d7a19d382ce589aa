import type { MailBudget } from '../domain/mail-budget.js';
import type { RequestedLine } from '../domain/requested-line.js';

export interface ExtractionInput {
  subject: string;
  /** The customer's own text: no quotes, no signature. */
  body: string;
  /** What is left of the mail's reading time. */
  budget: MailBudget;
}

export interface ExtractedLines {
  lines: RequestedLine[];
  warnings: string[];
}

/** Reads the requested lines of one email; rule-based by default, an LLM when configured. */
export interface LineExtractor {
  readonly name: string;
  extract(input: ExtractionInput): Promise<ExtractedLines>;
}

/** The rules, run wherever `lines` runs them: a reading thread, held to the mail's budget. */
export function ruleExtractor(lines: (text: string, budget: MailBudget) => Promise<RequestedLine[]>): LineExtractor {
  return {
    name: 'rules',
    extract: async ({ body, budget }) => ({ lines: await lines(body, budget), warnings: [] }),
  };
}

/** Any failure of the primary extractor (API down, timeout, bad output) falls back, with a warning. */
export function withFallback(primary: LineExtractor, fallback: LineExtractor): LineExtractor {
  return {
    name: `${primary.name} (falls back to ${fallback.name})`,
    async extract(input) {
      try {
        return await primary.extract(input);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const result = await fallback.extract(input);
        return { ...result, warnings: [`${primary.name} extraction failed (${reason}); used ${fallback.name}`, ...result.warnings] };
      }
    },
  };
}
