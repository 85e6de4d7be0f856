import { describe, expect, it } from 'vitest';
import { exactMatch, overlapMatch, type Span } from './spanMatch';

const s = (start: number, end: number, documentId = 'd'): Span => ({ documentId, start, end });

describe('span matching', () => {
  it('exact: same document, start and end', () => {
    const scores = exactMatch([s(0, 5), s(10, 12), s(0, 5, 'e')], [s(0, 5), s(10, 13)]);
    expect(scores).toEqual({ matched: 1, precision: 1 / 2, recall: 1 / 3, f1: 2 / 5 });
  });

  it('overlap: one-to-one, the largest overlap first', () => {
    // a1 [0,10) overlaps b1 [8,20) by 2 and b2 [0,9) by 9; a2 [9,30) overlaps b1 by 11 and b2 by 0.
    const scores = overlapMatch([s(0, 10), s(9, 30)], [s(8, 20), s(0, 9)]);
    expect(scores.matched).toBe(2);
    // One wide span against two small ones inside it matches only one of them.
    expect(overlapMatch([s(0, 100)], [s(0, 10), s(50, 60)])).toEqual({
      matched: 1,
      precision: 0.5,
      recall: 1,
      f1: 2 / 3,
    });
  });

  it('touching spans do not overlap, and other documents never match', () => {
    expect(overlapMatch([s(0, 5)], [s(5, 9)]).matched).toBe(0);
    expect(overlapMatch([s(0, 5, 'x')], [s(0, 5, 'y')]).matched).toBe(0);
  });

  it('is undefined (null) where nothing was there to count', () => {
    expect(exactMatch([], [])).toEqual({ matched: 0, precision: null, recall: null, f1: null });
    expect(overlapMatch([s(0, 1)], [])).toEqual({ matched: 0, precision: null, recall: 0, f1: 0 });
  });
});
