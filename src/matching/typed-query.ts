import { normalizeCode } from '../domain/product-code.js';
import type { TermKind } from './catalog-terms.js';
import { fold, termsOf, type Terms } from './terms.js';

/** One way a typed term can be found: the index's term of that kind itself, or any starting with it. */
export interface Spelling {
  kind: TermKind;
  text: string;
  prefix: boolean;
}

/** A word or size typed: a product must hold one of its spellings. */
export interface TypedTerm {
  spellings: Spelling[];
}

/** What is typed into a search box, read the way the index reads product names. */
export interface TypedQuery {
  /** As codes are compared ("KV-15" and "kv15" are "KV15"); empty when nothing was typed. */
  code: string;
  terms: TypedTerm[];
}

type Term = readonly [TermKind, string];

const kindOf = (text: string): TermKind => (/\d/.test(text) ? 'size' : 'word');
/** What the index could hold of a term still being typed, when its own reading drops it (one letter, "ja" of "jakotukki"). */
const RAW_TERM = /[a-z\d.]+/g;

const termList = (terms: Terms): Term[] => [...terms.words.map((w) => ['word', w] as const), ...terms.numbers.map((n) => ['size', n] as const)];

/** The terms of `from` that `others` does not have, as many times as it has them fewer. */
function without(from: Term[], others: Term[]): Term[] {
  const left = [...others];
  return from.filter(([kind, text]) => {
    const at = left.findIndex(([k, t]) => k === kind && t === text);
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * The words and sizes typed, read by the index's own `termsOf` (so "15x1,0" is the sizes 15
 * and 1, "sinkitty" the "zn" the catalog's names are read as), each standing for the index's
 * term of that text; one it does not hold may be a stem typed ("kupari" of "kupariputki") and
 * stands for the terms starting with it. What the last characters typed add to that reading
 * (the text does not end with a space) is still being typed: its last term is a prefix, of a
 * size too ("din 9" of "din933", "m" of "m8"), and also as typed ("kupari" read as the material
 * "cu" is still the start of "kupariputki"). A term the last characters join away ("din" of
 * "din 9") is no term of its own.
 */
export function readTyped(text: string, known: (kind: TermKind, text: string) => boolean): TypedQuery {
  const folded = fold(text);
  const typing = /\S$/.test(folded);
  const cut = typing ? folded.search(/\S+$/) : folded.length;
  const whole = termList(termsOf(folded));
  const before = termList(termsOf(folded.slice(0, cut)));
  const added = without(whole, before);
  const kept = without(whole, added);
  const terms: TypedTerm[] = kept.map(([kind, term]) => ({ spellings: [{ kind, text: term, prefix: !known(kind, term) }] }));
  if (typing) terms.push(...typedLast(added, folded.slice(cut).match(RAW_TERM)?.at(-1)));
  return { code: normalizeCode(text), terms: distinct(terms) };
}

/** The terms the last characters typed add, the last of them a prefix: "m8x3" is the size m8 and any size starting "3". */
function typedLast(added: Term[], raw: string | undefined): TypedTerm[] {
  const [kind, last] = added.at(-1) ?? (raw ? [kindOf(raw), raw] : [null, '']);
  if (!kind) return [];
  const spellings: Spelling[] = [{ kind, text: last, prefix: true }];
  if (kind === 'word') spellings.push({ kind: 'size', text: last, prefix: true });
  if (added.length === 1 && raw && raw !== last) spellings.push({ kind: kindOf(raw), text: raw, prefix: true });
  return [...added.slice(0, -1).map(([k, text]) => ({ spellings: [{ kind: k, text, prefix: false }] })), { spellings }];
}

function distinct(terms: TypedTerm[]): TypedTerm[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = term.spellings.map((s) => `${s.kind}:${s.text}${s.prefix ? '*' : ''}`).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
