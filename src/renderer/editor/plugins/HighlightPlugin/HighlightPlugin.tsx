import { useEffect, useRef, useState } from 'react';
import type { Annotation, Label } from '@shared/model';
import type { TextLayout } from '../../textLayout';
import { partsBetweenWraps } from '../../wrapTrim';
import { SELECTED_HIGHLIGHT, installHighlightRules, labelHighlightName } from './highlightStyles';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  /** The annotations of the lines near the view: only they are registered (lineWindow.ts says why). */
  inView: Annotation[];
  labels: Label[];
  selectedId: string | null;
}

interface Painted {
  annotation: Annotation;
  /** The span's parts between the spaces its lines wrap at (wrapTrim.ts): one range, unless it wraps. */
  ranges: StaticRange[];
}

/**
 * Paints the annotations near the view in their labels' colours, and the selected one on top. Annotations are
 * diffed by identity, so a change registers or removes only the ranges it touched, and the registered set is
 * a few screens of the article, however many annotations the article holds.
 */
export function HighlightPlugin({ root, layout, inView, labels, selectedId }: Props): null {
  const painted = useRef(new Map<string, Painted>());
  const highlights = useRef(new Map<string, Highlight>());
  // Bumped when the article is resized: its lines wrap elsewhere, so every span is measured again.
  const [wrapping, setWrapping] = useState(0);

  useEffect(() => {
    if (!root) return;
    let frame = 0;
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      if (root.clientWidth === width || frame) return;
      width = root.clientWidth;
      frame = requestAnimationFrame(() => {
        frame = 0;
        for (const { annotation, ranges } of painted.current.values())
          for (const range of ranges) highlights.current.get(annotation.labelId)?.delete(range);
        painted.current = new Map();
        setWrapping((serial) => serial + 1);
      });
    });
    observer.observe(root);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [root]);

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

  useEffect(() => {
    if (!root) return;
    const seen = new Set<string>();
    for (const annotation of inView) {
      seen.add(annotation.id);
      const previous = painted.current.get(annotation.id);
      if (previous?.annotation === annotation) continue;
      // A relabel or a note keeps the range object: the selected highlight, which holds it, stays untouched.
      const sameRange =
        previous &&
        previous.annotation.start === annotation.start &&
        previous.annotation.end === annotation.end;
      const ranges = sameRange
        ? previous.ranges
        : partsBetweenWraps(layout, root, annotation.start, annotation.end).map(([start, end]) =>
            layout.staticRangeOf(root, start, end),
          );
      if (previous?.annotation.labelId !== annotation.labelId || !sameRange) {
        const before = previous && highlights.current.get(previous.annotation.labelId);
        for (const range of previous?.ranges ?? []) before?.delete(range);
        for (const range of ranges) highlights.current.get(annotation.labelId)?.add(range);
      }
      painted.current.set(annotation.id, { annotation, ranges });
    }
    for (const [id, { annotation, ranges }] of painted.current) {
      if (seen.has(id)) continue;
      for (const range of ranges) highlights.current.get(annotation.labelId)?.delete(range);
      painted.current.delete(id);
    }
  }, [root, layout, inView, labels, wrapping]);

  // Re-registered only when the selected range itself changes: every highlight change costs Chromium a
  // repaint of all registered ranges, so an unrelated edit must not touch it.
  const selectedRanges = useRef<StaticRange[] | null>(null);
  useEffect(() => {
    const ranges = (selectedId ? painted.current.get(selectedId)?.ranges : undefined) ?? null;
    if (ranges === selectedRanges.current) return;
    selectedRanges.current = ranges;
    if (!ranges) {
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(...ranges);
    highlight.priority = 1000;
    CSS.highlights.set(SELECTED_HIGHLIGHT, highlight);
  }, [selectedId, inView, root, wrapping]);

  // When the editor goes (another document), nothing of its highlights may stay registered.
  useEffect(
    () => () => {
      for (const highlight of highlights.current.values()) highlight.clear();
      CSS.highlights.delete(SELECTED_HIGHLIGHT);
    },
    [],
  );
  return null;
}
