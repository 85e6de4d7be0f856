/**
 * Brings things into view and marks the selection: scrolls to an annotation the side panel or Tab asked for,
 * selects and scrolls to a search hit, and paints the pending selection as it will be tagged.
 */
import { useEffect } from 'react';
import type { Annotation } from '@shared/model';
import type { CodePointRange } from '@shared/offsets';
import type { TextLayout } from '../../textLayout';
import { PENDING_HIGHLIGHT } from '../HighlightPlugin/highlightStyles';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  scrollRequest: { annotationId: string; serial: number } | null;
  revealRequest: { start: number; end: number; serial: number } | null;
  selection: CodePointRange | null;
}

/** Scrolls the article so the character at `offset` is in view (centred), unless it already is. */
function scrollToOffset(root: HTMLElement, layout: TextLayout, offset: number): void {
  const scroller = root.parentElement;
  if (!scroller) return;
  const end = Math.min(offset + 1, layout.index.codePointLength);
  const rect = layout.boundingRectOf(root, offset, end);
  const box = scroller.getBoundingClientRect();
  const margin = 48;
  if (rect.top >= box.top + margin && rect.bottom <= box.bottom - margin) return;
  scroller.scrollTop += rect.top - box.top - box.height / 2;
}

export function RevealPlugin({
  root,
  layout,
  annotations,
  scrollRequest,
  revealRequest,
  selection,
}: Props): null {
  useEffect(() => {
    if (!root || !scrollRequest) return;
    const annotation = annotations.find((a) => a.id === scrollRequest.annotationId);
    if (annotation) scrollToOffset(root, layout, annotation.start);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new request scrolls; a changed annotation list must not pull the view back
  }, [root, layout, scrollRequest]);

  useEffect(() => {
    if (!root || !revealRequest) return;
    const range = layout.rangeOf(root, revealRequest.start, revealRequest.end);
    const selectionNow = document.getSelection();
    selectionNow?.removeAllRanges();
    selectionNow?.addRange(range);
    scrollToOffset(root, layout, revealRequest.start);
  }, [root, layout, revealRequest]);

  useEffect(() => {
    if (!root || !selection) {
      CSS.highlights.delete(PENDING_HIGHLIGHT);
      return;
    }
    CSS.highlights.set(
      PENDING_HIGHLIGHT,
      new Highlight(layout.staticRangeOf(root, selection.start, selection.end)),
    );
  }, [root, layout, selection]);

  return null;
}
