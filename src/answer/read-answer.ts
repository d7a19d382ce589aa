import { normalizeCode } from '../domain/product-code.js';
import { splitBody } from '../extraction/body-text.js';
import type { LineQuestion } from './line-question.js';

/** What the customer's answer settles for one question: the product they chose, or their words for the salesperson. */
export type AnswerReading = { line: number; sku: string; by: 'number' | 'code' | 'words' } | { line: number; sku: null; words: string };

const LINE_MARKER = /\b(?:rivi|riville|rad|raden|line|row|r\.)\s*(\d{1,3})\b/giu;
const ORDINALS: Record<string, number> = {
  ensimmäinen: 1, ensimmäistä: 1, eka: 1, toinen: 2, toista: 2, kolmas: 3, kolmatta: 3, neljäs: 4, viides: 5,
  första: 1, andra: 2, tredje: 3, fjärde: 4, femte: 5,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
};

const tokensOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}/.,"-]*/gu) ?? [];

/**
 * The part of the answer about each question: after a "rivi 2" marker, one line per question in
 * order, or else all of it for every question (`shared`), where a bare number tells nothing.
 */
function segments(text: string, questions: LineQuestion[]): { byLine: Map<number, string>; shared: boolean } {
  const byLine = new Map<number, string>();
  if (questions.length === 1) return { byLine: byLine.set(questions[0]!.line, text), shared: false };
  const markers = [...text.matchAll(LINE_MARKER)];
  const asked = new Set(questions.map((q) => q.line));
  if (markers.length > 0 && markers.every((m) => asked.has(Number(m[1]) - 1))) {
    markers.forEach((m, i) => byLine.set(Number(m[1]) - 1, text.slice(m.index + m[0].length, markers[i + 1]?.index ?? text.length)));
    return { byLine, shared: false };
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === questions.length) {
    questions.forEach((q, i) => byLine.set(q.line, lines[i]!));
    return { byLine, shared: false };
  }
  for (const q of questions) byLine.set(q.line, text);
  return { byLine, shared: true };
}

/** The choices the segment points at by a bare number ("2", "2)", "nro 2") or an ordinal ("toinen"); none when it names several. */
function byNumber(tokens: string[], count: number): number | null {
  const numbers = new Set<number>();
  for (const token of tokens) {
    const n = /^\(?([1-9])[).:]?$/.exec(token)?.[1] ?? ORDINALS[token];
    if (n !== undefined && Number(n) <= count) numbers.add(Number(n));
  }
  return numbers.size === 1 ? [...numbers][0]! : null;
}

function byCode(tokens: string[], question: LineQuestion): number | null {
  const codes = new Set(tokens.map((t) => normalizeCode(t.replace(/[.,]$/, ''))));
  const hits = question.choices.flatMap((c, i) => (codes.has(normalizeCode(c.sku)) ? [i + 1] : []));
  return hits.length === 1 ? hits[0]! : null;
}

/** The one choice whose own words (in its name, in no other choice's, not in the request) the customer used. */
function byWords(tokens: string[], question: LineQuestion): number | null {
  const said = new Set(tokens);
  const asked = new Set(tokensOf(question.requested));
  const names = question.choices.map((c) => new Set(tokensOf(c.name)));
  const hits = names.flatMap((name, i) => {
    const own = [...name].filter((t) => !asked.has(t) && names.every((other, j) => j === i || !other.has(t)));
    return own.some((t) => said.has(t)) ? [i + 1] : [];
  });
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * Reads the customer's reply to the questions of a run. A question is settled only when the
 * reply points at one choice and nothing in it points at another; anything else leaves the line
 * to the salesperson with the customer's words, since a wrong guess here is a wrong offer.
 */
export function readAnswer(replyText: string, questions: LineQuestion[]): AnswerReading[] {
  const own = splitBody(replyText).body;
  const { byLine, shared } = segments(own, questions);
  return questions.map((question) => {
    const words = (byLine.get(question.line) ?? '').trim();
    const tokens = tokensOf(words);
    const found = [
      { by: 'code' as const, choice: byCode(tokens, question) },
      { by: 'number' as const, choice: shared ? null : byNumber(tokens, question.choices.length) },
      { by: 'words' as const, choice: byWords(tokens, question) },
    ].filter((f) => f.choice !== null);
    const chosen = new Set(found.map((f) => f.choice));
    if (chosen.size !== 1) return { line: question.line, sku: null, words: words || own.trim() };
    return { line: question.line, sku: question.choices[found[0]!.choice! - 1]!.sku, by: found[0]!.by };
  });
}
