/**
 * Where the user is, kept so that a reload or a restart reopens the document scrolled where it was: the first
 * character in view is sent (after the scrolling settles) and scrolled back to the top when asked. Not a
 * Lexical plugin: it reads the article's DOM through the text layout.
 */
import { useEffect } from 'react';
import type { TextLayout } from '../../textLayout';

/** How long the view must stay still before its place is kept. */
const SETTLE_MS = 400;

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  documentId: string;
  scrollBackRequest: { offset: number; serial: number } | null;
  remember: (documentId: string, offset: number) => void;
}

/** The code point at the top left of the article's view (the start of its line, at worst of its paragraph). */
export function offsetAtTop(root: HTMLElement, layout: TextLayout): number {
  const scroller = root.parentElement!;
  const view = scroller.getBoundingClientRect();
  const paragraphs = Array.from(root.children) as HTMLElement[];
  const line = Math.max(
    0,
    paragraphs.findIndex((p) => p.getBoundingClientRect().bottom > view.top),
  );
  const paragraph = paragraphs[line];
  if (!paragraph) return 0;
  const box = paragraph.getBoundingClientRect();
  const y = Math.max(box.top, view.top) + 2;
  const style = getComputedStyle(paragraph);
  const x = style.direction === 'rtl' ? box.right - 2 : box.left + 2;
  const caret = document.caretPositionFromPoint?.(x, y);
  const found =
    caret && root.contains(caret.offsetNode) ? layout.offsetOf(root, caret.offsetNode, caret.offset) : null;
  return layout.index.toCodePoint(found ?? layout.lineStarts[line]!);
}

export function PlacePlugin({ root, layout, documentId, scrollBackRequest, remember }: Props): null {
  useEffect(() => {
    const scroller = root?.parentElement;
    if (!root || !scroller) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keep = () => remember(documentId, offsetAtTop(root, layout));
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(keep, SETTLE_MS);
    };
    keep();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [root, layout, documentId, remember]);

  useEffect(() => {
    const scroller = root?.parentElement;
    if (!root || !scroller || !scrollBackRequest) return;
    const offset = Math.min(scrollBackRequest.offset, layout.index.codePointLength);
    const end = Math.min(offset + 1, layout.index.codePointLength);
    if (end <= offset) return;
    const rect = layout.boundingRectOf(root, offset, end);
    scroller.scrollTop += rect.top - scroller.getBoundingClientRect().top;
    // Only a new request scrolls.
  }, [root, layout, scrollBackRequest]);

  return null;
}
