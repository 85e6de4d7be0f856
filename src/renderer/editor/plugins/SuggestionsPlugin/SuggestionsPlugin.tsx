/**
 * Suggestions in the article: asked for again after each change to the document's annotations, painted in a
 * ghost style of their own (a dotted underline in a neutral tone, never a label colour: suggestions are not
 * annotations), the one the keys would act on marked more strongly, and the caret followed so the keys know
 * where "at the caret" is. Painted with the CSS Custom Highlight API like the annotations.
 */
import { useEffect, useMemo } from 'react';
import type { Annotation } from '@shared/model';
import type { AppStore } from '../../../state/store';
import { openSuggestions, suggestionAtCaret } from '../../../state/slices/suggestions';
import { useAppState } from '../../../state/useStore';
import { annotationsInWindow, type LineWindow } from '../../lineWindow';
import type { TextLayout } from '../../textLayout';
import {
  SUGGESTION_HIGHLIGHT,
  SUGGESTION_TARGET_HIGHLIGHT,
  installSuggestionRules,
} from './suggestionStyles';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  view: LineWindow | null;
  store: AppStore;
  documentId: string;
  annotations: Annotation[];
}

export function SuggestionsPlugin({ root, layout, view, store, documentId, annotations }: Props): null {
  const suggestions = useAppState(openSuggestions);
  const caret = useAppState((s) => s.caret);

  // Each change to the annotations (an accept, a tag, an undo) can add or take away suggestions: a tag
  // teaches the learned matcher. The store drops answers that arrive after a newer change.
  useEffect(() => {
    void store.refreshSuggestions();
  }, [store, documentId, annotations]);

  useEffect(() => {
    if (!root) return;
    store.setCaret(null);
    const onSelectionChange = () => {
      const selection = document.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      // Outside the article (a panel button has focus) the caret stays where it was.
      if (!root.contains(range.startContainer)) return;
      const at = layout.offsetOf(root, range.startContainer, range.startOffset);
      if (at !== null) store.setCaret(layout.index.toCodePoint(at));
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [root, layout, store]);

  useEffect(installSuggestionRules, []);

  const inView = useMemo(() => (view ? annotationsInWindow(view, suggestions) : []), [view, suggestions]);
  useEffect(() => {
    if (!root) return;
    const highlight = new Highlight(...inView.map((s) => layout.staticRangeOf(root, s.start, s.end)));
    // Under the annotations' tints and the selection: a suggestion only ever adds its underline.
    highlight.priority = -1;
    CSS.highlights.set(SUGGESTION_HIGHLIGHT, highlight);
  }, [root, layout, inView]);

  const target = suggestionAtCaret(suggestions, caret);
  const targetStart = target?.start;
  const targetEnd = target?.end;
  useEffect(() => {
    if (!root || targetStart === undefined || targetEnd === undefined) {
      CSS.highlights.delete(SUGGESTION_TARGET_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(layout.staticRangeOf(root, targetStart, targetEnd));
    highlight.priority = -1;
    CSS.highlights.set(SUGGESTION_TARGET_HIGHLIGHT, highlight);
  }, [root, layout, targetStart, targetEnd]);

  useEffect(
    () => () => {
      CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
      CSS.highlights.delete(SUGGESTION_TARGET_HIGHLIGHT);
    },
    [],
  );
  return null;
}
