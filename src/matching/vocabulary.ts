import { wordSimilarity } from './word-similarity.js';

/** How many letters a stem or a compound's last part must share to be looked at. */
const BUCKET = 4;
const MIN_PART = 5;
/** A shortened word names its catalog word almost as surely as an inflection does. */
const ABBREVIATED = 0.9;

function pushTo(map: Map<string, number[]>, key: string, id: number): void {
  const ids = map.get(key);
  if (ids) ids.push(id);
  else map.set(key, [id]);
}

/**
 * The catalog's words, each with an id, bucketed by their first and last letters, so that a
 * requested word finds its inflections and compounds without comparing against every word.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly byStart = new Map<string, number[]>();
  private readonly byEnd = new Map<string, number[]>();

  /** A vocabulary saved as its list of words: the ids are the positions, the buckets are made again. */
  static of(words: readonly string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const word of words) vocabulary.intern(word);
    return vocabulary;
  }

  intern(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.ids.set(word, id);
    if (word.length >= BUCKET) {
      pushTo(this.byStart, word.slice(0, BUCKET), id);
      pushTo(this.byEnd, word.slice(-BUCKET), id);
    }
    return id;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  word(id: number): string {
    return this.words[id]!;
  }

  /** Every word, by id. */
  list(): readonly string[] {
    return this.words;
  }

  /**
   * The catalog words a shortened compound can stand for: "kup.putki" is "kupariputki",
   * "pallov." any word that starts "pallov". A start alone must be long enough to say which.
   */
  abbreviated(start: string, end: string): Map<number, number> {
    const found = new Map<number, number>();
    if (end === '' && start.length < BUCKET) return found;
    const bucket = end.length >= BUCKET ? this.byEnd.get(end.slice(-BUCKET)) : this.byStart.get(start.slice(0, BUCKET));
    for (const id of bucket ?? []) {
      const word = this.words[id]!;
      if (word.length > start.length + end.length && word.startsWith(start) && word.endsWith(end)) found.set(id, ABBREVIATED);
    }
    return found;
  }

  /**
   * A word the catalog holds, with the compounds it ends ("teippi" in "kierreteippi"), as
   * `similar` gives them for a word the catalog does not hold: for a search that found nothing
   * sure with the word alone.
   */
  withCompounds(id: number): Map<number, number> {
    const word = this.words[id]!;
    const found = new Map([[id, 1]]);
    if (word.length < MIN_PART) return found;
    for (const other of this.byEnd.get(word.slice(-BUCKET)) ?? []) {
      if (other !== id && this.words[other]!.endsWith(word)) found.set(other, wordSimilarity(word, this.words[other]!));
    }
    return found;
  }

  /**
   * The catalog words a requested word can stand for, with how well: the word itself when the
   * catalog has it; else its inflections (same start), compounds ending in it (same end), and
   * catalog words inside it. Empty means a filler word.
   */
  similar(word: string): Map<number, number> {
    const exact = this.ids.get(word);
    if (exact !== undefined) return new Map([[exact, 1]]);
    const found = new Map<number, number>();
    const consider = (id: number) => {
      const similarity = wordSimilarity(word, this.words[id]!);
      if (similarity > (found.get(id) ?? 0)) found.set(id, similarity);
    };
    if (word.length >= BUCKET) {
      for (const id of this.byStart.get(word.slice(0, BUCKET)) ?? []) consider(id);
      for (const id of this.byEnd.get(word.slice(-BUCKET)) ?? []) consider(id);
    }
    for (let start = 0; start < word.length; start += 1) {
      for (let end = start + MIN_PART; end <= word.length; end += 1) {
        const id = this.ids.get(word.slice(start, end));
        if (id !== undefined) consider(id);
      }
    }
    return found;
  }
}
