export function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** Edit distance, stopping early: only "one typo or none" matters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return rest(a, 1) === rest(b, 1) || rest(a, 1) === rest(b, 0) || rest(a, 0) === rest(b, 1);
}

/** A word this long with one letter wrong, missing or extra is a typo, not another word. */
const TYPO_LENGTH = 7;

/** Finnish and Swedish case endings add at most this many letters to a stem. */
const MAX_ENDING = 4;

/**
 * How well a requested word names a catalog word. Finnish and Swedish inflect by suffix
 * ("kupariputkea", "venttiilit"), so a long shared stem counts. In a compound the last part
 * names the thing ("palloventtiili" is a venttiili, "putkieriste" is not a putki), so a word
 * at the end of a compound counts more than one at its start. A long word one typo away is the
 * same word.
 */
export function wordSimilarity(requested: string, catalog: string): number {
  if (requested === catalog) return 1;
  const shortest = Math.min(requested.length, catalog.length);
  const longest = Math.max(requested.length, catalog.length);
  const stem = commonPrefix(requested, catalog);
  if (shortest >= 4 && stem >= Math.max(4, shortest - 3) && longest - stem <= MAX_ENDING) return 0.9;
  // "kuparputki", "palloventiili": one slip inside a long compound.
  if (shortest >= TYPO_LENGTH && withinOneEdit(requested, catalog)) return 0.85;
  if (requested.length >= 4 && catalog.endsWith(requested)) return 0.85;
  if (catalog.length >= 5 && requested.includes(catalog)) return 0.7;
  if (requested.length >= 5 && catalog.includes(requested)) return 0.6;
  return 0;
}
