import { describe, expect, it } from 'vitest';
import { readTyped } from '../../src/matching/typed-query.js';

const KNOWN = new Set(['word:kupariputki', 'word:kova', 'size:15', 'size:1', 'size:m8', 'word:cu']);
const read = (text: string) => readTyped(text, (kind, term) => KNOWN.has(`${kind}:${term}`));

describe('readTyped', () => {
  it('reads a code as codes are compared', () => {
    expect(read('KV-15').code).toBe('KV15');
    expect(read('kv 15').code).toBe('KV15');
  });

  it('takes the words and sizes typed whole as the terms themselves, and the last one being typed as a prefix', () => {
    expect(read('kupariputki 15x1,0 ko').terms).toEqual([
      { spellings: [{ kind: 'word', text: 'kupariputki', prefix: false }] },
      { spellings: [{ kind: 'size', text: '15', prefix: false }] },
      { spellings: [{ kind: 'size', text: '1', prefix: false }] },
      { spellings: [{ kind: 'word', text: 'ko', prefix: true }, { kind: 'size', text: 'ko', prefix: true }] },
    ]);
  });

  it('reads a last term of several sizes as the whole ones and a prefix of the last', () => {
    expect(read('m8x3').terms).toEqual([{ spellings: [{ kind: 'size', text: 'm8', prefix: false }] }, { spellings: [{ kind: 'size', text: '3', prefix: true }] }]);
  });

  it('reads what the last characters join as the index does: "din 9" is the start of the size din933, not the word din', () => {
    expect(read('kuusioruuvi din 9').terms).toEqual([
      { spellings: [{ kind: 'word', text: 'kuusioruuvi', prefix: true }] },
      { spellings: [{ kind: 'size', text: 'din9', prefix: true }, { kind: 'size', text: '9', prefix: true }] },
    ]);
  });

  it('keeps a last word the index reads as another also as typed: "kupari" is the material cu and the start of "kupariputki"', () => {
    expect(read('kupari').terms).toEqual([
      { spellings: [{ kind: 'word', text: 'cu', prefix: true }, { kind: 'size', text: 'cu', prefix: true }, { kind: 'word', text: 'kupari', prefix: true }] },
    ]);
  });

  it('keeps a last word the index would drop (one letter, a filler word) as typed', () => {
    expect(read('k').terms).toEqual([{ spellings: [{ kind: 'word', text: 'k', prefix: true }, { kind: 'size', text: 'k', prefix: true }] }]);
    expect(read('kupariputki ja').terms.at(-1)).toEqual({ spellings: [{ kind: 'word', text: 'ja', prefix: true }, { kind: 'size', text: 'ja', prefix: true }] });
  });

  it('takes a whole word the index does not hold as a stem typed, and nothing after a space as unfinished', () => {
    expect(read('kuparip ').terms).toEqual([{ spellings: [{ kind: 'word', text: 'kuparip', prefix: true }] }]);
    expect(read('kova ').terms).toEqual([{ spellings: [{ kind: 'word', text: 'kova', prefix: false }] }]);
    expect(read('').terms).toEqual([]);
  });
});
