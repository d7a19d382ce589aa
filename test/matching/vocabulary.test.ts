import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/matching/vocabulary.js';

function vocabularyOf(words: string[]): Vocabulary {
  const vocabulary = new Vocabulary();
  for (const word of words) vocabulary.intern(word);
  return vocabulary;
}

const named = (vocabulary: Vocabulary, similar: Map<number, number>) =>
  Object.fromEntries([...similar].map(([id, similarity]) => [vocabulary.word(id), similarity]));

describe('Vocabulary.similar', () => {
  const vocabulary = vocabularyOf(['kupariputki', 'putkieriste', 'palloventtiili', 'venttiili', 'kuusioruuvi', 'kuusiomutteri', 'dn']);

  it('gives a known word only itself', () => {
    expect(named(vocabulary, vocabulary.similar('venttiili'))).toEqual({ venttiili: 1 });
  });

  it('finds inflections by their start and compounds by their end', () => {
    expect(named(vocabulary, vocabulary.similar('kupariputkea'))).toEqual({ kupariputki: 0.9 });
    expect(named(vocabulary, vocabulary.similar('putki'))).toEqual({ kupariputki: 0.85, putkieriste: 0.6 });
  });

  it('finds catalog words inside a longer requested word', () => {
    expect(named(vocabulary, vocabulary.similar('messinkipalloventtiili'))).toMatchObject({ palloventtiili: 0.7, venttiili: 0.7 });
  });

  it('finds nothing for a word of another trade', () => {
    expect(vocabulary.similar('sadevesikouru').size).toBe(0);
  });
});
