import type { RequestedLine } from '../domain/requested-line.js';

export interface LineLimits {
  maxLines: number;
  maxLineCharacters: number;
  maxDescriptionCharacters: number;
}

/**
 * The text an extractor gets: lines longer than any item line a person writes (a pasted
 * blob, a line built to make the rules slow) are left out, each named.
 */
export function readableText(text: string, limits: LineLimits, where: string): { text: string; overLimits: string[] } {
  const overLimits: string[] = [];
  const kept = text.split('\n').filter((line, i) => {
    if (line.length <= limits.maxLineCharacters) return true;
    overLimits.push(`${where} line ${i + 1} is ${line.length.toLocaleString('en')} characters long, over the ${limits.maxLineCharacters.toLocaleString('en')}-character limit for a line; not read`);
    return false;
  });
  return { text: kept.join('\n'), overLimits };
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** The first `maxLines` requested lines, their words cut to the description limit; each limit reached is named. */
export function withinLimits(lines: RequestedLine[], limits: LineLimits): { lines: RequestedLine[]; overLimits: string[] } {
  const overLimits: string[] = [];
  if (lines.length > limits.maxLines) {
    overLimits.push(`the request has more than ${limits.maxLines} lines, over the limit; read the first ${limits.maxLines}, the rest not read`);
  }
  // A line's text is within its limit already (readableText); an extractor may still read a long description from it.
  const kept = lines.slice(0, limits.maxLines).map((line, i) => {
    if (line.description.length <= limits.maxDescriptionCharacters) return line;
    overLimits.push(`line ${i + 1}'s description is ${line.description.length} characters long, over the ${limits.maxDescriptionCharacters}-character limit; cut`);
    return { ...line, description: cut(line.description, limits.maxDescriptionCharacters) };
  });
  return { lines: kept, overLimits };
}
