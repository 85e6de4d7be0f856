/**
 * PROTOTYPE (bench/prototypes): the lines of the article in view, with a screen of margin above and
 * below, as a code point range. It changes only when the view comes within half a screen of its edge, so the
 * plugins that follow it do their work about once a screen of scrolling, for what is near the view, instead of
 * for the whole article or on every frame.
 */
import { useEffect, useState } from 'react';
import type { TextLayout } from '../../src/renderer/src/editor/textLayout';

export interface LineWindow {
  first: number;
  last: number;
  /** Code point range of the window's text. */
  from: number;
  to: number;
}

/** The first and last line whose box meets [top, bottom] (content coordinates of the scroller). */
function linesBetween(root: HTMLElement, top: number, bottom: number): [number, number] {
  const children = root.children;
  let lo = 0;
  let hi = children.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const el = children[mid] as HTMLElement;
    if (el.offsetTop + el.offsetHeight < top) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  while (last + 1 < children.length && (children[last + 1] as HTMLElement).offsetTop < bottom) last++;
  return [lo, last];
}

/** The window, or null until it is known (always null when not `enabled`). */
export function useLineWindow(root: HTMLElement | null, layout: TextLayout, enabled = true): LineWindow | null {
  const [view, setView] = useState<LineWindow | null>(null);
  useEffect(() => {
    const scroller = root?.parentElement;
    if (!enabled || !root || !scroller) return;
    let current: LineWindow | null = null;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = scroller.scrollTop;
      const height = scroller.clientHeight;
      if (current) {
        const [first, last] = linesBetween(root, top - height / 2, top + height * 1.5);
        if (first >= current.first && last <= current.last) return;
      }
      const [first, last] = linesBetween(root, top - height, top + height * 2);
      const end = layout.lineStarts[last + 1] ?? layout.text.length + 1;
      current = {
        first,
        last,
        from: layout.index.toCodePoint(layout.lineStarts[first]!),
        to: layout.index.toCodePoint(Math.min(layout.text.length, end - 1)),
      };
      setView(current);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const observer = new ResizeObserver(() => {
      current = null;
      schedule();
    });
    observer.observe(scroller);
    scroller.addEventListener('scroll', schedule, { passive: true });
    update();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      scroller.removeEventListener('scroll', schedule);
    };
  }, [root, layout, enabled]);
  return view;
}
