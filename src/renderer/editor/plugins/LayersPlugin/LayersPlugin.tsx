/**
 * Other annotators' layers in the article: each shown layer's spans get a line over them in a style of its
 * own (dotted, dashed, wavy, double; the legend in the Layers control shows which is whose), on top of the
 * label's tint the HighlightPlugin paints. A style, not only a colour, tells the layers apart. Painted with
 * the CSS Custom Highlight API like every highlight (highlightStyles.ts says why); layerStyles.ts writes the
 * rules.
 */
import { useEffect } from 'react';
import type { Annotation } from '@shared/model';
import type { TextLayout } from '../../textLayout';
import { installLayerHighlightRules, layerHighlightName, layerStyleIndex } from './layerStyles';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  /** The annotations near the view (lineWindow.ts), of the layers shown. */
  inView: Annotation[];
  /** Each other layer shown, by annotator, with its style's place. */
  styles: Map<string, number>;
}

export function LayersPlugin({ root, layout, inView, styles }: Props): null {
  useEffect(() => {
    if (!root || styles.size === 0) return;
    installLayerHighlightRules();
    // A few screens of spans: registered afresh on each change, simpler than a diff and as cheap.
    const highlights = new Map<string, Highlight>();
    for (const annotation of inView) {
      const place = annotation.annotator === null ? undefined : styles.get(annotation.annotator);
      if (place === undefined) continue;
      const name = layerHighlightName(place);
      let highlight = highlights.get(name);
      if (!highlight) {
        highlight = new Highlight();
        // Above the label tints (their priority is their position), below the selection (1000).
        highlight.priority = 500 + layerStyleIndex(place);
        highlights.set(name, highlight);
      }
      highlight.add(layout.staticRangeOf(root, annotation.start, annotation.end));
    }
    for (const [name, highlight] of highlights) CSS.highlights.set(name, highlight);
    return () => {
      for (const name of highlights.keys()) CSS.highlights.delete(name);
    };
  }, [root, layout, inView, styles]);
  return null;
}
