import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { assignLanes } from './lanes';

const a = (id: string, start: number, end: number): Annotation => ({
  id,
  documentId: 'd',
  labelId: 'claim',
  start,
  end,
  note: '',
  attributes: {},
  annotator: null,
  createdAt: '',
  updatedAt: '',
});

describe('assignLanes', () => {
  it('puts overlapping annotations in different lanes, the outer one lowest, and reuses free lanes', () => {
    const lanes = assignLanes([
      a('outer', 0, 20),
      a('inner', 0, 5),
      a('partly', 15, 30),
      a('after', 21, 25),
      a('far', 40, 41),
    ]);
    expect(lanes.get('outer')).toBe(0);
    expect(lanes.get('inner')).toBe(1);
    expect(lanes.get('partly')).toBe(1);
    expect(lanes.get('after')).toBe(0);
    expect(lanes.get('far')).toBe(0);
  });
});
