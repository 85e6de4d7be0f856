import { describe, expect, it } from 'vitest';
import { codePointLength } from '@shared/offsets';
import { classifySpans, disagreements, extentKey, type LayerSpanRef } from './comparison';

let serial = 0;
const span = (annotator: string, start: number, end: number, labelId = 'claim'): LayerSpanRef => ({
  id: `${annotator}${++serial}`,
  annotator,
  labelId,
  start,
  end,
});

const kinds = (spans: LayerSpanRef[], annotators = ['A', 'B']) =>
  classifySpans(spans, annotators).map((s) => `${s.annotator} ${s.start}-${s.end} ${s.labelId} ${s.kind}`);

describe('classifying spans across layers', () => {
  it('tells the four kinds apart', () => {
    expect(
      kinds([
        span('A', 0, 5),
        span('B', 0, 5), // agreed
        span('A', 10, 15, 'number'),
        span('B', 10, 15, 'claim'), // same extent, different labels
        span('A', 20, 30),
        span('B', 22, 30), // overlapping, different extents
        span('B', 40, 45), // only B
      ]),
    ).toEqual([
      'A 0-5 claim agreed',
      'B 0-5 claim agreed',
      'A 10-15 number label',
      'B 10-15 claim label',
      'A 20-30 claim extent',
      'B 22-30 claim extent',
      'B 40-45 claim partial',
    ]);
  });

  it('counts agreement over the chosen annotators only, and leaves the others out', () => {
    const spans = [span('A', 0, 5), span('B', 0, 5), span('C', 7, 9)];
    expect(kinds(spans, ['A', 'B', 'C'])).toEqual([
      'A 0-5 claim partial',
      'B 0-5 claim partial',
      'C 7-9 claim partial',
    ]);
    expect(kinds(spans, ['A', 'B'])).toEqual(['A 0-5 claim agreed', 'B 0-5 claim agreed']);
  });

  it('does not count a touching span as overlapping, nor an annotator against their own spans', () => {
    expect(kinds([span('A', 0, 5), span('B', 5, 9), span('A', 2, 9)])).toEqual([
      'A 0-5 claim partial',
      'A 2-9 claim extent',
      'B 5-9 claim extent',
    ]);
  });

  it('works in code points: an emoji before a span is one offset, as the spans were made', () => {
    const text = '🙂 said it';
    const start = codePointLength('🙂 ');
    expect(start).toBe(2);
    expect(kinds([span('A', start, codePointLength(text)), span('B', start, start + 4)])).toEqual([
      'B 2-6 claim extent',
      'A 2-9 claim extent',
    ]);
  });
});

describe('disagreements', () => {
  const spans = [
    span('A', 0, 5),
    span('B', 0, 5),
    span('A', 10, 15, 'number'),
    span('B', 10, 15),
    span('A', 20, 30),
    span('B', 22, 34),
    span('A', 33, 36),
    span('B', 40, 45),
  ];
  const classed = classifySpans(spans, ['A', 'B']);

  it('groups overlapping spans that not all agree on, with the most telling kind', () => {
    expect(
      disagreements(classed, [], new Set()).map((d) => [d.start, d.end, d.kind, d.spanIds.length]),
    ).toEqual([
      [10, 15, 'label', 2],
      [20, 36, 'extent', 3],
      [40, 45, 'partial', 1],
    ]);
  });

  it('is settled by a curated span over one of its spans, or when all its spans were rejected', () => {
    const settled = disagreements(
      classed,
      [{ labelId: 'claim', start: 21, end: 25 }],
      new Set([extentKey({ labelId: 'claim', start: 40, end: 45 }), extentKey(spans[2]!)]),
    ).map((d) => d.settled);
    // The first has one of its two spans rejected: still open.
    expect(settled).toEqual([null, 'accepted', 'rejected']);
  });
});
