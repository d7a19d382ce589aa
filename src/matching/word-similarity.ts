function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** Finnish and Swedish case endings add at most this many letters to a stem. */
const MAX_ENDING = 4;

/**
 * How well a requested word names a catalog word. Finnish and Swedish inflect by suffix
 * ("kupariputkea", "venttiilit"), so a long shared stem counts. In a compound the last part
 * names the thing ("palloventtiili" is a venttiili, "putkieriste" is not a putki), so a word
 * at the end of a compound counts more than one at its start.
 */
export function wordSimilarity(requested: string, catalog: string): number {
  if (requested === catalog) return 1;
  const shortest = Math.min(requested.length, catalog.length);
  const longest = Math.max(requested.length, catalog.length);
  const stem = commonPrefix(requested, catalog);
  if (shortest >= 4 && stem >= Math.max(4, shortest - 3) && longest - stem <= MAX_ENDING) return 0.9;
  if (requested.length >= 4 && catalog.endsWith(requested)) return 0.85;
  if (catalog.length >= 5 && requested.includes(catalog)) return 0.7;
  if (requested.length >= 5 && catalog.includes(requested)) return 0.6;
  return 0;
}
