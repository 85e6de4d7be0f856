/**
 * uα against the worked example of Krippendorff (2004, p. 254), as DKPro Statistics' own tests state its
 * figures (Krippendorff2004Test: D_o 0.0144, D_e 0.0532, uα 0.7286 for category c; 1.0 for k), and against
 * the distances that example lists.
 */
import { describe, expect, it } from 'vitest';
import { segmentDistance, segmentsOf, unitizingAlpha, type Segment } from './unitizingAlpha';

const unit = (start: number, length: number): Segment => ({ start, end: start + length, unit: true });
const gap = (start: number, length: number): Segment => ({ start, end: start + length, unit: false });

/** The example's continuum runs from 150 for 300; offsets here are shifted to start at 0. */
const B = 150;
const L = 300;
const span = (begin: number, length: number) => ({ start: begin - B, end: begin - B + length });

describe("Krippendorff's unitizing alpha", () => {
  it('measures the distances of the 2004 example', () => {
    expect(segmentDistance(gap(2, 3), unit(2, 2)) + segmentDistance(unit(5, 6), gap(4, 7))).toBe(40);
    expect(segmentDistance(unit(5, 6), unit(4, 2))).toBe(26);
    expect(segmentDistance(unit(5, 6), unit(5, 2))).toBe(16);
    expect(segmentDistance(unit(5, 6), unit(6, 2))).toBe(10);
    expect(segmentDistance(unit(5, 6), unit(7, 2))).toBe(8);
    expect(segmentDistance(unit(5, 6), unit(6, 4))).toBe(2);
    expect(segmentDistance(unit(5, 6), unit(5, 6))).toBe(0);
    expect(segmentDistance(unit(225, 70), unit(220, 80))).toBe(50);
    expect(segmentDistance(unit(370, 30), unit(355, 20))).toBe(850);
    expect(segmentDistance(gap(400, 50), unit(400, 20))).toBe(400);
  });

  it('gives the figures of the 2004 example for both categories', () => {
    const c = unitizingAlpha([
      {
        length: L,
        annotators: [
          segmentsOf([span(225, 70), span(370, 30)], L),
          segmentsOf([span(220, 80), span(355, 20), span(400, 20)], L),
        ],
      },
    ]);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 4);
    const k = unitizingAlpha([
      {
        length: L,
        annotators: [
          segmentsOf([span(180, 60), span(300, 50)], L),
          segmentsOf([span(180, 60), span(300, 50)], L),
        ],
      },
    ]);
    expect(k.observed).toBe(0);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.alpha).toBe(1);
  });

  it('merges one annotator’s overlapping spans into one unit, and is undefined with no unit', () => {
    expect(
      segmentsOf(
        [
          { start: 2, end: 6 },
          { start: 4, end: 9 },
          { start: 9, end: 10 },
        ],
        12,
      ),
    ).toEqual([gap(0, 2), unit(2, 7), unit(9, 1), gap(10, 2)]);
    expect(
      unitizingAlpha([{ length: 10, annotators: [segmentsOf([], 10), segmentsOf([], 10)] }]).alpha,
    ).toBeNull();
  });

  it('gives the same figure for a document split in two at a gap as for the whole', () => {
    const whole = unitizingAlpha([
      {
        length: 100,
        annotators: [
          segmentsOf(
            [
              { start: 10, end: 30 },
              { start: 60, end: 80 },
            ],
            100,
          ),
          segmentsOf(
            [
              { start: 12, end: 30 },
              { start: 60, end: 85 },
            ],
            100,
          ),
        ],
      },
    ]);
    const split = unitizingAlpha([
      {
        length: 50,
        annotators: [segmentsOf([{ start: 10, end: 30 }], 50), segmentsOf([{ start: 12, end: 30 }], 50)],
      },
      {
        length: 50,
        annotators: [segmentsOf([{ start: 10, end: 30 }], 50), segmentsOf([{ start: 10, end: 35 }], 50)],
      },
    ]);
    // The observed disagreement is the same; the expected one differs only through the gap cut at the seam.
    expect(split.observed).toBeCloseTo(whole.observed, 12);
    expect(split.alpha).not.toBeNull();
  });
});
