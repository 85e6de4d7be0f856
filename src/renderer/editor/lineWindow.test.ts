import { describe, expect, it } from 'vitest';
import { type LineBoxes, linesMeeting, meetsWindow, nextLineWindow } from './lineWindow';

/** Lines of the given heights stacked from 0, as the article's paragraphs are. */
function stacked(heights: number[]): LineBoxes {
  const tops: number[] = [];
  let y = 0;
  for (const h of heights) {
    tops.push(y);
    y += h;
  }
  return { count: heights.length, top: (i) => tops[i]!, bottom: (i) => tops[i]! + heights[i]! };
}

describe('linesMeeting', () => {
  it('finds the first and last line whose box meets the band, with lines of different heights', () => {
    const lines = stacked([20, 100, 20, 20, 60, 20]); // tops 0, 20, 120, 140, 160, 220
    expect(linesMeeting(lines, 0, 10)).toEqual([0, 0]);
    expect(linesMeeting(lines, 50, 130)).toEqual([1, 2]);
    expect(linesMeeting(lines, 145, 225)).toEqual([3, 5]);
    expect(linesMeeting(lines, 1000, 2000)).toEqual([5, 5]);
  });

  it('handles an article of one line', () => {
    expect(linesMeeting(stacked([5000]), 2000, 3000)).toEqual([0, 0]);
  });
});

describe('nextLineWindow', () => {
  const lines = stacked(Array.from({ length: 1000 }, () => 20)); // 20,000 px of article
  const height = 600;

  it('covers the view with a screen of margin on each side', () => {
    expect(nextLineWindow(lines, 0, height, null)).toEqual([0, 59]); // 0..1200 px
    expect(nextLineWindow(lines, 6000, height, null)).toEqual([269, 359]); // 5400..7200 px
  });

  it('keeps the window while the view stays half a screen inside it, and moves it once it does not', () => {
    const [first, last] = nextLineWindow(lines, 6000, height, null)!;
    for (let top = 5700; top <= 6300; top += 20)
      expect(nextLineWindow(lines, top, height, { first, last })).toBeNull();
    expect(nextLineWindow(lines, 6400, height, { first, last })).toEqual([289, 379]);
    expect(nextLineWindow(lines, 5600, height, { first, last })).toEqual([249, 339]);
  });
});

describe('meetsWindow', () => {
  const view = { first: 3, last: 9, from: 100, to: 200 };
  it('paints annotations overlapping the window, including those crossing its edges', () => {
    expect(meetsWindow(view, 90, 101)).toBe(true);
    expect(meetsWindow(view, 150, 160)).toBe(true);
    expect(meetsWindow(view, 199, 260)).toBe(true);
    expect(meetsWindow(view, 50, 400)).toBe(true);
  });
  it('leaves out annotations wholly before or after it', () => {
    expect(meetsWindow(view, 90, 100)).toBe(false);
    expect(meetsWindow(view, 201, 210)).toBe(false);
  });
});
