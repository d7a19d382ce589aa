import { describe, expect, it } from 'vitest';
import { Postings } from '../../src/matching/postings.js';

const listOf = (postings: Postings, term: number) => Array.from(postings.list(term));

describe('Postings', () => {
  it('holds each term’s products ascending, a product once however often it names the term', () => {
    const postings = new Postings();
    for (const [term, id] of [[0, 0], [1, 0], [0, 0], [2, 1], [0, 2]] as const) postings.add(term, id);
    expect([0, 1, 2, 3].map((t) => listOf(postings, t))).toEqual([[0, 2], [0], [1], []]);
    expect(postings.count(0)).toBe(2);
  });

  it('answers the same after compacting, from two flat arrays', () => {
    const postings = new Postings();
    for (const [term, id] of [[0, 0], [2, 0], [2, 1], [0, 3]] as const) postings.add(term, id);
    postings.compact();
    expect(postings.parts()).toEqual({ starts: Int32Array.from([0, 2, 2, 4]), ids: Int32Array.from([0, 3, 0, 1]) });
    expect([0, 1, 2].map((t) => listOf(postings, t))).toEqual([[0, 3], [], [0, 1]]);
  });

  it('puts products added to loaded arrays after theirs, also for terms new since', () => {
    const postings = new Postings({ starts: Int32Array.from([0, 2, 3]), ids: Int32Array.from([0, 4, 2]) });
    postings.add(0, 7);
    postings.add(3, 7);
    expect([0, 1, 2, 3].map((t) => listOf(postings, t))).toEqual([[0, 4, 7], [2], [], [7]]);
    expect([0, 1, 2, 3].map((t) => postings.count(t))).toEqual([3, 1, 0, 1]);
    expect(postings.parts()).toEqual({ starts: Int32Array.from([0, 3, 4, 4, 5]), ids: Int32Array.from([0, 4, 7, 2, 7]) });
  });
});
