import { describe, expect, it } from 'vitest';
import { wordSimilarity } from '../../src/matching/word-similarity.js';

describe('wordSimilarity', () => {
  it.each([
    ['same word', 'kupariputki', 'kupariputki', 1],
    ['Finnish partitive', 'kupariputkea', 'kupariputki', 0.9],
    ['Finnish plural', 'venttiilit', 'venttiili', 0.9],
    ['Swedish definite', 'kopparroret', 'kopparror', 0.9],
    ['word ending a compound names the thing', 'venttiili', 'palloventtiili', 0.85],
    ['word starting a compound is only a modifier', 'putki', 'putkieriste', 0.6],
    ['pipe at the end of copper pipe', 'putki', 'kupariputki', 0.85],
    ['compound asked, part in catalog', 'palloventtiili', 'venttiili', 0.7],
    ['different words', 'kupariputki', 'palloventtiili', 0],
    ['short unrelated words', 'dn', 'mmj', 0],
    ['a letter missing inside a compound', 'kuparputki', 'kupariputki', 0.85],
    ['a letter missing in a long word', 'palloventiili', 'palloventtiili', 0.85],
    ['a letter wrong in a long word', 'komposittiputki', 'komposiittiputki', 0.85],
    ['one letter away but short', 'mutter', 'mutteri', 0.9],
    ['one letter away, too short to be a typo', 'kulma', 'kalma', 0],
  ])('%s: %s ~ %s = %d', (_case, requested, catalog, expected) => {
    expect(wordSimilarity(requested, catalog)).toBe(expected);
  });

  it('does not let a short word match inside a long one', () => {
    expect(wordSimilarity('tee', 'puristustee')).toBe(0);
    expect(wordSimilarity('dn', 'dnventtiili')).toBe(0);
  });

  it('ranks inflections above compound parts', () => {
    expect(wordSimilarity('kupariputkea', 'kupariputki')).toBeGreaterThan(wordSimilarity('putki', 'kupariputki'));
  });
});
