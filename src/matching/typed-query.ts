import { normalizeCode } from '../domain/product-code.js';
import type { TermKind } from './catalog-terms.js';
import { fold, termsOf } from './terms.js';

/** One way a typed term can be found: the index's term itself, or any term starting with it. */
export interface Spelling {
  text: string;
  prefix: boolean;
}

/** A word or size typed: a product must hold one of its spellings. */
export interface TypedTerm {
  kind: TermKind;
  spellings: Spelling[];
}

/** What is typed into a search box, read the way the index reads product names. */
export interface TypedQuery {
  /** As codes are compared ("KV-15" and "kv15" are "KV15"); empty when nothing was typed. */
  code: string;
  terms: TypedTerm[];
}

const kindOf = (text: string): TermKind => (/\d/.test(text) ? 'size' : 'word');
/** What the index could hold of a term still being typed, when its own reading drops it (one letter, "ja" of "jakotukki"). */
const RAW_TERM = /[a-z\d.]+/g;

/**
 * The words and sizes typed, read by the index's own `termsOf` (so "15x1,0" is the sizes 15
 * and 1, "sinkitty" the "zn" the catalog's names are read as), each standing for the index's
 * term of that text; one it does not hold may be a stem typed ("kupari" of "kupariputki") and
 * stands for the terms starting with it. The term still being typed (the text does not end with
 * a space) is a prefix whatever it is, also as typed: "kupari" read as the material "cu" is
 * still the start of "kupariputki".
 */
export function readTyped(text: string, known: (kind: TermKind, text: string) => boolean): TypedQuery {
  const folded = fold(text);
  const typing = /\S$/.test(folded);
  const cut = typing ? folded.search(/\S+$/) : folded.length;
  const whole = termsOf(folded.slice(0, cut));
  const terms: TypedTerm[] = [...whole.words.map((w) => ['word', w] as const), ...whole.numbers.map((n) => ['size', n] as const)].map(([kind, term]) => ({
    kind,
    spellings: [{ text: term, prefix: !known(kind, term) }],
  }));
  if (typing) terms.push(...typedLast(folded.slice(cut)));
  return { code: normalizeCode(text), terms: distinct(terms) };
}

/** The last term typed, its last part a prefix: "m8x3" is the size m8 and any size starting "3". */
function typedLast(partial: string): TypedTerm[] {
  const read = termsOf(partial);
  const parts = [...read.words, ...read.numbers];
  const raw = partial.match(RAW_TERM)?.at(-1);
  if (parts.length === 0) return raw ? [{ kind: kindOf(raw), spellings: [{ text: raw, prefix: true }] }] : [];
  const last = parts.at(-1)!;
  const spellings: Spelling[] = [{ text: last, prefix: true }];
  if (parts.length === 1 && raw && raw !== last && kindOf(raw) === kindOf(last)) spellings.push({ text: raw, prefix: true });
  return [...parts.slice(0, -1).map((part) => ({ kind: kindOf(part), spellings: [{ text: part, prefix: false }] })), { kind: kindOf(last), spellings }];
}

function distinct(terms: TypedTerm[]): TypedTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = `${term.kind}:${term.spellings.map((s) => `${s.text}${s.prefix ? '*' : ''}`).join('|')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
