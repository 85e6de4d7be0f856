import { useEffect, useRef } from 'react';
import { useLineWindow } from './useLineWindow.mts';
import type { Annotation, Label } from '@shared/model';
import type { TextLayout } from '../../src/renderer/src/editor/textLayout';
import { SELECTED_HIGHLIGHT, installHighlightRules, labelHighlightName } from '../../src/renderer/src/editor/plugins/HighlightPlugin/highlightStyles';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  labels: Label[];
  selectedId: string | null;
}

interface Painted {
  annotation: Annotation;
  range: StaticRange;
}

/**
 * PROTOTYPES of HighlightPlugin (the real one: src/renderer/src/editor/plugins/HighlightPlugin), two changes:
 * - static-ranges: highlights hold StaticRanges. A live Range is registered with its document and updated on
 *   every DOM removal anywhere in the page, so 10,000 of them make each removeChild cost O(annotations); a
 *   StaticRange is not, and the article's text never changes.
 * - windowed: as well, only the annotations near the view are registered (useLineWindow). Chromium rebuilds its
 *   marker for every registered range whenever a highlight changes (in PrePaint), so the cost of a change
 *   follows what is registered, not the article.
 */
function staticRange(range: Range): StaticRange {
  return new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
}

/**
 * Paints every annotation in its label's colour, and the selected one on top. Annotations are diffed by
 * identity, so a change repaints only the annotations it touched, however many the article holds.
 */
export function createHighlightPlugin(windowed: boolean) {
  return function HighlightPlugin({ root, layout, annotations, labels, selectedId }: Props): null {
    const painted = useRef(new Map<string, Painted>());
    const highlights = useRef(new Map<string, Highlight>());

    // One Highlight per label; recreated (and everything repainted) when the labels change.
    useEffect(() => {
      installHighlightRules(labels);
      const byLabel = new Map<string, Highlight>();
      labels.forEach((label, i) => {
        const highlight = new Highlight();
        highlight.priority = i;
        CSS.highlights.set(labelHighlightName(i), highlight);
        byLabel.set(label.id, highlight);
      });
      highlights.current = byLabel;
      painted.current = new Map();
      return () => {
        labels.forEach((_, i) => CSS.highlights.delete(labelHighlightName(i)));
      };
    }, [labels]);

    const view = useLineWindow(root, layout, windowed);
    useEffect(() => {
      if (!root || (windowed && !view)) return;
      const seen = new Set<string>();
      for (const annotation of annotations) {
        if (view && (annotation.end <= view.from || annotation.start > view.to)) continue;
        seen.add(annotation.id);
        const previous = painted.current.get(annotation.id);
        if (previous?.annotation === annotation) continue;
        if (previous) highlights.current.get(previous.annotation.labelId)?.delete(previous.range);
        const range = staticRange(layout.rangeOf(root, annotation.start, annotation.end));
        highlights.current.get(annotation.labelId)?.add(range);
        painted.current.set(annotation.id, { annotation, range });
      }
      for (const [id, { annotation, range }] of painted.current) {
        if (seen.has(id)) continue;
        highlights.current.get(annotation.labelId)?.delete(range);
        painted.current.delete(id);
      }
    }, [root, layout, annotations, labels, view]);

    useEffect(() => {
      const range = selectedId ? painted.current.get(selectedId)?.range : undefined;
      if (!range) {
        CSS.highlights.delete(SELECTED_HIGHLIGHT);
        return;
      }
      const highlight = new Highlight(range);
      highlight.priority = 1000;
      CSS.highlights.set(SELECTED_HIGHLIGHT, highlight);
    }, [selectedId, annotations, root, view]);

    // When the editor goes (another document), nothing of its highlights may stay registered.
    useEffect(
      () => () => {
        for (const highlight of highlights.current.values()) highlight.clear();
        CSS.highlights.delete(SELECTED_HIGHLIGHT);
      },
      [],
    );
    return null;
  };
}
