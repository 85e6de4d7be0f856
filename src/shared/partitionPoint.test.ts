import { describe, expect, it } from 'vitest';
import { partitionPoint } from './partitionPoint';

describe('partitionPoint', () => {
  it('counts the items of a sorted array below a value, for every value around them', () => {
    const sorted = [1, 3, 3, 3, 8, 13];
    for (let x = -1; x <= 15; x++)
      expect(
        partitionPoint(sorted.length, (i) => sorted[i]! < x),
        `x = ${x}`,
      ).toBe(sorted.filter((v) => v < x).length);
  });

  it('answers 0 for nothing, and never asks about an index outside [0, count)', () => {
    const asked: number[] = [];
    const isBefore = (i: number) => {
      asked.push(i);
      return i < 700;
    };
    expect(partitionPoint(0, isBefore)).toBe(0);
    expect(partitionPoint(-1, isBefore)).toBe(0);
    expect(asked).toEqual([]);
    expect(partitionPoint(1000, isBefore)).toBe(700);
    expect(asked.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(asked.length).toBeLessThanOrEqual(10);
  });
});
