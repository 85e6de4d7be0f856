import { describe, expect, it } from 'vitest';
import { planAdjudication, type LayerSpan } from './adjudication';

const span = (annotator: string, start: number, end: number, labelId = 'claim', note = ''): LayerSpan => ({
  annotator,
  labelId,
  start,
  end,
  note,
  attributes: {},
});

const SPANS = [
  span('A', 0, 5, 'claim', 'from A'),
  span('B', 0, 5, 'claim', 'from B'),
  span('C', 0, 5),
  span('A', 10, 15),
  span('B', 10, 15),
  span('C', 10, 16),
  span('C', 20, 25, 'number'),
  span('D', 0, 5), // not chosen
];

describe('automatic adjudication', () => {
  it('unanimous takes what all chosen annotators have exactly, once, with the first one’s note', () => {
    const plan = planAdjudication(SPANS, ['A', 'B', 'C'], 'unanimous', []);
    expect(plan.accept.map((s) => [s.start, s.end, s.note])).toEqual([[0, 5, 'from A']]);
    expect(plan.unsettled).toEqual([
      { labelId: 'claim', start: 10, end: 15, annotators: ['A', 'B'] },
      { labelId: 'claim', start: 10, end: 16, annotators: ['C'] },
      { labelId: 'number', start: 20, end: 25, annotators: ['C'] },
    ]);
  });

  it('majority takes what more than half have', () => {
    const plan = planAdjudication(SPANS, ['A', 'B', 'C'], 'majority', []);
    expect(plan.accept.map((s) => [s.start, s.end])).toEqual([
      [0, 5],
      [10, 15],
    ]);
    // Two of four is not more than half.
    expect(planAdjudication(SPANS, ['A', 'B', 'C', 'D'], 'majority', []).accept.map((s) => s.start)).toEqual([
      0,
    ]);
  });

  it('leaves alone what the curated layer already has, so running it twice adds nothing', () => {
    const plan = planAdjudication(SPANS, ['A', 'B', 'C'], 'majority', [
      { labelId: 'claim', start: 0, end: 5 },
    ]);
    expect(plan.accept.map((s) => s.start)).toEqual([10]);
  });
});
