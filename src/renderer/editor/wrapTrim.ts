/**
 * A span's extent without the spaces its lines wrap at. In `white-space: pre-wrap` a space where a line wraps
 * stays at the end of the upper line ("hangs"), and a tint over the span would run past its last word there,
 * a few pixels into the margin. The span is painted as the parts between such spaces; its offsets, and what
 * it holds, are untouched.
 */
import type { TextLayout } from './textLayout';

/** Spaces that can end a wrapped line (a line break ends a paragraph instead, and is never drawn). */
const WRAPPING_SPACE = /^[^\S\n]$/u;

/** [start, end) code point parts of a span, split at the spaces where its lines wrap. */
export function partsBetweenWraps(
  layout: TextLayout,
  root: HTMLElement,
  start: number,
  end: number,
): Array<[number, number]> {
  // A span on one line wraps nowhere: its boxes all share a top (the common case costs one measurement).
  const boxes = layout.clientRectsOf(root, start, end);
  const tops = new Set(Array.from(boxes, (box) => Math.round(box.top)));
  if (tops.size <= 1) return [[start, end]];
  const chars = Array.from(layout.index.slice(start, end));
  const last = layout.index.codePointLength;
  const parts: Array<[number, number]> = [];
  let from = start;
  chars.forEach((char, k) => {
    if (!WRAPPING_SPACE.test(char)) return;
    const at = start + k;
    if (at + 1 >= last) return;
    const here = layout.boundingRectOf(root, at, at + 1);
    const next = layout.boundingRectOf(root, at + 1, at + 2);
    // The next character starts a line below: this space is where the line wrapped.
    if (next.top < here.top + here.height / 2) return;
    if (at > from) parts.push([from, at]);
    from = at + 1;
  });
  if (end > from) parts.push([from, end]);
  return parts;
}
