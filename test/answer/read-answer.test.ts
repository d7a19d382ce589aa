import { describe, expect, it } from 'vitest';
import { lineQuestion } from '../../src/answer/line-question.js';
import { readAnswer } from '../../src/answer/read-answer.js';

const VALVE = lineQuestion(1, 'palloventtiili DN15 1/2" sk/sk', [
  { sku: '2000015', name: 'Palloventtiili DN15 1/2" sk/sk messinki', confidence: 0.5 },
  { sku: '2000016', name: 'Palloventtiili DN15 1/2" sk/sk ruostumaton', confidence: 0.49 },
], 'fi');
const MCB = lineQuestion(3, 'johdonsuojakatkaisija 16A 1-napainen', [
  { sku: '4000116', name: 'Johdonsuojakatkaisija 16A 1P B-käyrä', confidence: 0.5 },
  { sku: '4000216', name: 'Johdonsuojakatkaisija 16A 1P C-käyrä', confidence: 0.5 },
], 'fi');

const QUOTED = '\n\nma 7.12.2026 klo 10.05 Johan Sundström <johan.sundstrom@teknotukku.fi> kirjoitti:\n> Rivi 2, "palloventtiili DN15 1/2" sk/sk": mitä näistä tarkoitatte?\n>   1) 2000015 Palloventtiili DN15 1/2" sk/sk messinki\n>   2) 2000016 Palloventtiili DN15 1/2" sk/sk ruostumaton\n';

describe('reading the customer’s answer to a question', () => {
  it.each([
    ['by the choice’s number', '2', 'number'],
    ['by a numbered choice', 'Vaihtoehto 2) kiitos', 'number'],
    ['by an ordinal', 'Toinen', 'number'],
    ['by our product code', 'Laittakaa 2000016.', 'code'],
    ['by the words only that choice has', 'Ruostumaton käy.', 'words'],
  ])('settles the line %s, whatever the quoted question below says', (_, answer, by) => {
    expect(readAnswer(answer + QUOTED, [VALVE])).toEqual([{ line: 1, sku: '2000016', by }]);
  });

  it('leaves the line to the salesperson, with the customer’s words, when the answer points at no one choice', () => {
    expect(readAnswer('Kumpi vain, kunhan on halvempi.' + QUOTED, [VALVE])).toEqual([{ line: 1, sku: null, words: 'Kumpi vain, kunhan on halvempi.' }]);
    expect(readAnswer('1 tai 2' + QUOTED, [VALVE])).toMatchObject([{ sku: null }]);
    expect(readAnswer('2000015, tai ruostumaton jos on' + QUOTED, [VALVE])).toMatchObject([{ sku: null }]);
  });

  it('reads several answers by the line each names', () => {
    const answer = 'Rivi 4: C-käyrä\nRivi 2: messinki';
    expect(readAnswer(answer, [VALVE, MCB])).toEqual([
      { line: 1, sku: '2000015', by: 'words' },
      { line: 3, sku: '4000216', by: 'words' },
    ]);
  });

  it('reads several answers one line each, in the order they were asked', () => {
    expect(readAnswer('1\n2', [VALVE, MCB])).toEqual([
      { line: 1, sku: '2000015', by: 'number' },
      { line: 3, sku: '4000216', by: 'number' },
    ]);
  });

  it('does not read a bare number for several questions at once', () => {
    expect(readAnswer('Numero 2 kiitos, ja toimitus perjantaina', [VALVE, MCB]).map((r) => r.sku)).toEqual([null, null]);
  });

  it('writes the question with the customer’s words and the numbered choices', () => {
    expect(VALVE.text).toBe('Rivi 2, "palloventtiili DN15 1/2" sk/sk": mitä näistä tarkoitatte?\n  1) 2000015 Palloventtiili DN15 1/2" sk/sk messinki\n  2) 2000016 Palloventtiili DN15 1/2" sk/sk ruostumaton');
  });
});
