import { useEffect, useRef } from 'react';
import type { Annotation } from '@shared/model';
import type { CodePointRange } from '@shared/offsets';
import { annotationsAt } from '../../../state/annotationOrder';
import type { AppStore } from '../../../state/store';
import { trimRange, type TextLayout } from '../../textLayout';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  store: AppStore;
  annotations: Annotation[];
  selectedId: string | null;
}

const ARROWS: Record<string, 'left' | 'right' | 'backward' | 'forward'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'backward',
  ArrowDown: 'forward',
};

/** UTF-16 end offset -> code points, moving an end that falls inside a surrogate pair past the pair. */
function endToCodePoint(layout: TextLayout, u16: number): number {
  const cp = layout.index.toCodePoint(u16);
  return layout.index.toUtf16(cp) < u16 ? cp + 1 : cp;
}

/**
 * The browser's selection as a code point range, or null when it is empty or outside the article: never
 * cutting a grapheme, snapped to whole words unless `free` (Alt held), without whitespace at its edges.
 */
function selectedRange(root: HTMLElement, layout: TextLayout, free: boolean): CodePointRange | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = layout.offsetOf(root, range.startContainer, range.startOffset);
  const end = layout.offsetOf(root, range.endContainer, range.endOffset);
  if (start === null || end === null || start >= end) return null;
  const snapped = layout.snap(start, end, !free);
  return trimRange(
    layout.index,
    layout.index.toCodePoint(snapped.start),
    endToCodePoint(layout, snapped.end),
  );
}

/**
 * Turns the browser's selection in the article into a code point range in the store, selects annotations by
 * click (repeated clicks cycle through overlapping ones), and extends the selection with Shift+arrows, which a
 * read-only page does not do by itself.
 */
/** The annotations on the character after a collapsed caret in the article (or before it, at a line end). */
function caretAnnotations(root: HTMLElement, layout: TextLayout, annotations: Annotation[]): string[] {
  const selection = document.getSelection();
  if (!selection || !selection.isCollapsed || !selection.anchorNode || !root.contains(selection.anchorNode))
    return [];
  const caret = layout.offsetOf(root, selection.anchorNode, selection.anchorOffset);
  if (caret === null) return [];
  const cp = layout.index.toCodePoint(caret);
  const hits = annotationsAt(annotations, cp);
  return (hits.length || cp === 0 ? hits : annotationsAt(annotations, cp - 1)).map((a) => a.id);
}

export function SelectionPlugin({ root, layout, store, annotations, selectedId }: Props): null {
  // The selection listener lives as long as the article; it reads the current annotations through a ref.
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;
  useEffect(() => {
    if (!root) return;
    // Alt held while selecting selects freely, without snapping to words.
    let free = false;
    const trackAlt = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof MouseEvent || ARROWS[event.key]) free = event.altKey;
    };
    const read = () => selectedRange(root, layout, free);
    const onSelectionChange = () => {
      store.setSelection(read());
      store.setAnnotationsHere(caretAnnotations(root, layout, annotationsRef.current));
    };
    store.setSelectionSource({ read, clear: () => document.getSelection()?.removeAllRanges() });
    document.addEventListener('selectionchange', onSelectionChange);
    document.addEventListener('mousedown', trackAlt, true);
    document.addEventListener('keydown', trackAlt, true);
    return () => {
      store.setSelectionSource(null);
      document.removeEventListener('selectionchange', onSelectionChange);
      document.removeEventListener('mousedown', trackAlt, true);
      document.removeEventListener('keydown', trackAlt, true);
    };
  }, [root, layout, store]);

  useEffect(() => {
    if (!root) return;
    const onClick = () => {
      const selection = document.getSelection();
      if (!selection || !selection.isCollapsed || selection.rangeCount === 0) return;
      const caret = layout.offsetOf(root, selection.anchorNode!, selection.anchorOffset);
      if (caret === null) return;
      const cp = layout.index.toCodePoint(caret);
      // The caret sits between two characters: the one after it is the one clicked, unless nothing is there.
      let hits = annotationsAt(annotations, cp);
      if (hits.length === 0 && cp > 0) hits = annotationsAt(annotations, cp - 1);
      if (hits.length === 0) return store.selectAnnotation(null);
      const current = hits.findIndex((a) => a.id === selectedId);
      store.selectAnnotation(hits[(current + 1) % hits.length]!.id);
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [root, layout, store, annotations, selectedId]);

  useEffect(() => {
    if (!root) return;
    // A read-only page has no caret of its own: arrows move one through the article (caret browsing), and
    // Shift+arrows extend the selection from it. Without a caret yet, it starts at the article's beginning.
    const onKeyDown = (event: KeyboardEvent) => {
      const direction = ARROWS[event.key];
      const vertical = event.key === 'ArrowUp' || event.key === 'ArrowDown';
      // Alt with up/down steps between documents; Alt with left/right selects freely (no word snapping).
      if (!direction || (event.altKey && vertical)) return;
      const selection = document.getSelection();
      if (!selection) return;
      if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
        if (event.target !== document.body && !root.contains(event.target as Node)) return;
        const start = layout.domPointAt(root, 0);
        selection.collapse(start.node, start.offset);
      }
      event.preventDefault();
      const granularity = vertical ? 'line' : event.ctrlKey || event.metaKey ? 'word' : 'character';
      selection.modify(event.shiftKey ? 'extend' : 'move', direction, granularity);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [root, layout]);

  return null;
}
