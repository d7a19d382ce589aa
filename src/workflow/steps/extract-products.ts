import type { RequestedLine } from '../../domain/requested-line.js';
import { instructionsIn } from '../../extraction/instructions.js';
import { asksForPrices } from '../../extraction/rfq-signals.js';
import { unreadListLines } from '../../extraction/unread-lines.js';
import { readableText, withinLimits } from '../../extraction/request-limits.js';
import { withColourFollowUps } from '../../matching/follow-up-lines.js';
import { defineStep, type StepContext, type StepEnvironment, type StepOutput } from '../step.js';

interface Found {
  lines: RequestedLine[];
  warnings: string[];
  /** Reasons for review: limits reached, instructions found. */
  review: string[];
}

/** Longer quotes are cut: the salesperson needs to recognise the text, not read it all here. */
const QUOTE_LENGTH = 160;

function quoted(line: string): string {
  return `"${line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH)}…` : line}"`;
}

/** Whatever reads the lines (rules or an LLM), nothing an instruction asks for becomes one. */
function withoutInstructions(lines: RequestedLine[], text: string): { lines: RequestedLine[]; review: string[] } {
  const instructions = instructionsIn(text);
  if (instructions.length === 0) return { lines, review: [] };
  const isInstruction = (line: RequestedLine) => instructions.some((i) => i.includes(line.text.trim()) || line.text.includes(i));
  return {
    lines: lines.filter((line) => !isInstruction(line)),
    review: instructions.map((i) => `the mail holds text aimed at a program, not at a salesperson; not read as a request: ${quoted(i)}`),
  };
}

async function linesOf(text: string, where: string, context: StepContext<'email'>, env: StepEnvironment): Promise<Found> {
  const readable = readableText(text, env.settings.limits, where);
  const extracted = await env.lineExtractor.extract({ subject: context.email?.subject ?? '', body: readable.text, budget: env.budget });
  const kept = withoutInstructions(withColourFollowUps(extracted.lines), readable.text);
  const unread = unreadListLines(readable.text, extracted.lines).map((line) => `a line in ${where} looks like a requested item but could not be read: ${quoted(line)}; please check it`);
  return { lines: kept.lines, warnings: extracted.warnings, review: [...readable.overLimits, ...kept.review, ...unread] };
}

async function linesOfAttachments(context: StepContext<'email' | 'attachmentTexts'>, env: StepEnvironment): Promise<Found> {
  const found: Found = { lines: [], warnings: [], review: [] };
  for (const attachment of context.attachmentTexts.filter((a) => a.lines.length > 0)) {
    const { lines, warnings, review } = await linesOf(attachment.lines.join('\n'), attachment.filename, context, env);
    found.lines.push(...lines);
    found.warnings.push(...warnings);
    found.review.push(...review);
  }
  return found;
}

/** Lines found, kept within the limits; a limit reached is a reason for review, as lines were left unread. */
function outputOf(found: Found, earlierWarnings: string[], env: StepEnvironment): StepOutput<'requestedLines'> {
  const kept = withinLimits(found.lines, env.settings.limits);
  return { patch: { requestedLines: kept.lines }, warnings: [...earlierWarnings, ...found.warnings], review: [...found.review, ...kept.overLimits] };
}

/**
 * Items come from the customer's own text; when it has none, from the attachments (a list sent
 * as Excel or PDF). No items anywhere: a thank-you or a question is not a request, but a mail
 * with documents that hold no readable items, or one that asks for prices, goes to a person
 * rather than being dismissed.
 */
export const extractProducts = defineStep({
  name: 'extract_products',
  reads: ['email', 'body', 'attachmentTexts'],
  writes: ['requestedLines'],
  async run(context, env) {
    const fromBody = await linesOf(context.body, 'the text', context, env);
    if (fromBody.lines.length > 0) return outputOf(fromBody, [], env);
    const fromFiles = await linesOfAttachments(context, env);
    if (fromFiles.lines.length > 0) return outputOf(fromFiles, fromBody.warnings, env);
    const documents = context.attachmentTexts.filter((a) => a.kind !== 'unsupported' || a.warnings.length > 0);
    const unread = [...fromBody.review, ...fromFiles.review];
    if (documents.length === 0 && unread.length === 0 && asksForPrices(`${context.email?.subject ?? ''}\n${context.body}`)) {
      return { skipped: 'no requested items found', review: ['the mail asks for prices, but no requested items could be read from it; please check it'] };
    }
    if (documents.length === 0 && unread.length === 0) return { skipped: 'no requested items in the email', notAnRfq: 'no requested items in the email' };
    if (documents.length === 0) return { skipped: 'no requested items found', review: unread };
    const names = documents.map((a) => a.filename).join(', ');
    return { skipped: 'no requested items found', review: [...unread, `no requested items in the email or its attachments (${names}); please check them`] };
  },
});
