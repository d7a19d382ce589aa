function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/**
 * How well a requested word names a catalog word. Finnish and Swedish inflect by suffix
 * ("kupariputkea", "venttiilit", "rören"), so a long shared stem counts; compounds
 * ("palloventtiili") contain the word a customer may type alone ("venttiili").
 */
export function wordSimilarity(requested: string, catalog: string): number {
  if (requested === catalog) return 1;
  const shortest = Math.min(requested.length, catalog.length);
  if (shortest >= 4 && commonPrefix(requested, catalog) >= Math.max(4, shortest - 3)) return 0.9;
  if (requested.length >= 5 && catalog.includes(requested)) return 0.8;
  if (catalog.length >= 5 && requested.includes(catalog)) return 0.7;
  return 0;
}
