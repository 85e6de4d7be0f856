import { useEffect, useState } from 'react';
import { type LineBoxes, type LineWindow, nextLineWindow } from './lineWindow';
import type { TextLayout } from './textLayout';

/** The paragraphs of the article root as line boxes (offsetTop is in the scroller's content coordinates). */
function paragraphBoxes(root: HTMLElement): LineBoxes {
  const children = root.children;
  const box = (line: number) => children[line] as HTMLElement;
  return {
    count: children.length,
    top: (line) => box(line).offsetTop,
    bottom: (line) => box(line).offsetTop + box(line).offsetHeight,
  };
}

/**
 * The window of lines to paint (see lineWindow.ts), followed as the article scrolls or its scroller is
 * resized (a resize rewraps the lines, so the window is measured again); null until the article is laid out.
 */
export function useLineWindow(root: HTMLElement | null, layout: TextLayout): LineWindow | null {
  const [view, setView] = useState<LineWindow | null>(null);
  useEffect(() => {
    const scroller = root?.parentElement;
    if (!root || !scroller) {
      setView(null);
      return;
    }
    let current: LineWindow | null = null;
    let frame = 0;
    const update = () => {
      frame = 0;
      const lines = nextLineWindow(paragraphBoxes(root), scroller.scrollTop, scroller.clientHeight, current);
      if (!lines) return;
      const [first, last] = lines;
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
    // The scroller's size, and the article's height (lines rewrap when the width or a font changes).
    observer.observe(scroller);
    observer.observe(root);
    scroller.addEventListener('scroll', schedule, { passive: true });
    update();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      scroller.removeEventListener('scroll', schedule);
    };
  }, [root, layout]);
  return view;
}
