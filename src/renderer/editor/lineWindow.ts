/**
 * Which lines of the article the painting plugins work on: those in view plus a screen above and below. On a
 * 1 MiB article with 10,000 annotations, registering every annotation as a highlight made each change cost
 * Chromium a re-walk of all 10,000 ranges (it rebuilds the markers of every registered range when any
 * highlight changes), and measuring the bands on every scroll frame cost half the frame budget
 * (bench/README.md, "Editor figures"). Working on a window keeps both costs the size of a screen, whatever
 * the size of the article.
 *
 * Pure functions over line boxes, so the rules are tested without a browser; `useLineWindow` applies them to
 * the editor's DOM.
 */
import { partitionPoint } from '@shared/partitionPoint';

export interface LineWindow {
  /** First and last line (index of the line's paragraph) in the window. */
  first: number;
  last: number;
  /** The window's text as a code point range: annotations that do not meet it are not painted. */
  from: number;
  to: number;
}

/** Vertical extent of each line, in the scroller's content coordinates, lines in document order. */
export interface LineBoxes {
  count: number;
  top(line: number): number;
  bottom(line: number): number;
}

/** The first and last line whose box meets [top, bottom]; lines are in order, so a binary search finds the first. */
export function linesMeeting(lines: LineBoxes, top: number, bottom: number): [number, number] {
  // Among all but the last line: when none meets the view, the last line is the first.
  const first = partitionPoint(lines.count - 1, (line) => lines.bottom(line) < top);
  let last = first;
  while (last + 1 < lines.count && lines.top(last + 1) < bottom) last++;
  return [first, last];
}

/**
 * The lines to paint for a view of `height` scrolled to `scrollTop`: a screen of margin on each side. A
 * window already painted is kept while the view stays half a screen inside it, so a new window (and its
 * repaint) comes about once a screen of scrolling, never on every frame; returns null when `current` still
 * serves.
 */
export function nextLineWindow(
  lines: LineBoxes,
  scrollTop: number,
  height: number,
  current: { first: number; last: number } | null,
): [number, number] | null {
  if (current) {
    const [first, last] = linesMeeting(lines, scrollTop - height / 2, scrollTop + height * 1.5);
    if (first >= current.first && last <= current.last) return null;
  }
  return linesMeeting(lines, scrollTop - height, scrollTop + height * 2);
}

/** Whether a code point range [start, end) should be painted for the window (a collapsed range at its edge counts). */
export function meetsWindow(view: LineWindow, start: number, end: number): boolean {
  return end > view.from && start <= view.to;
}

/** The annotations the painting plugins work on: those meeting the window, in their order. */
export function annotationsInWindow<T extends { start: number; end: number }>(
  view: LineWindow,
  annotations: readonly T[],
): T[] {
  return annotations.filter((a) => meetsWindow(view, a.start, a.end));
}
