import type { RequestedLine } from '../domain/requested-line.js';
import { COLOUR_WORDS } from './same-words.js';
import { termsOf } from './terms.js';

/** Whether a text says a colour and nothing else: "gul/grön", "svart". */
function isColourOnly(text: string): boolean {
  const terms = termsOf(text);
  return terms.numbers.length === 0 && terms.words.length > 0 && terms.words.every((w) => COLOUR_WORDS.has(w));
}

/** The line before, in another colour: its colour word replaced, or the colour added. */
function inColour(before: RequestedLine, line: RequestedLine): RequestedLine {
  const words = before.description.split(/\s+/);
  const at = words.findIndex(isColourOnly);
  const description = at >= 0 ? [...words.slice(0, at), line.description, ...words.slice(at + 1)].join(' ') : `${before.description} ${line.description}`;
  const per = line.per ?? (line.unit === before.unit ? before.per : null);
  return { ...line, description, per };
}

/**
 * A line that names only a colour, after one that names a product ("2 rullar MK 2,5 blå à 100
 * m", "1 rulle gul/grön", "plus 3 rullar svart"), is that product in its colour, in packs of the
 * same size: read alone it names nothing, and would be unmatched or, worse, any product of the colour.
 */
export function withColourFollowUps(lines: RequestedLine[]): RequestedLine[] {
  const read: RequestedLine[] = [];
  for (const line of lines) {
    const before = read.at(-1);
    read.push(before && !line.code && isColourOnly(line.description) ? inColour(before, line) : line);
  }
  return read;
}
