/**
 * The line style of each other layer shown, for the article's highlights and the legend alike: a style (not
 * only a colour) tells the layers apart. The line goes above the text: below it are the label bands
 * (BandsPlugin), which have patterns of their own. Highlight pseudo-elements do not reliably see custom properties, so
 * the rules are written out with each theme's colour, into a constructed stylesheet (the CSP forbids inline
 * <style>), as highlightStyles.ts does for the labels.
 */
import { adoptStyleSheet, rulesPerTheme } from '../../../theme/styleSheets';

/** Dotted, dashed, wavy, double: a fifth shown layer takes the first style again. */
export const LAYER_LINE_STYLES = ['dotted', 'dashed', 'wavy', 'double'] as const;

export function layerStyleIndex(place: number): number {
  return place % LAYER_LINE_STYLES.length;
}

export function layerHighlightName(place: number): string {
  return `sl-layer-${layerStyleIndex(place)}`;
}

export function layerHighlightRules(): string {
  return rulesPerTheme((scope, palette) =>
    LAYER_LINE_STYLES.map(
      (style, i) =>
        `${scope}::highlight(${layerHighlightName(i)}) { text-decoration: overline ${style} 2px ${palette.text}; }`,
    ),
  ).join('\n');
}

let installed = false;

export function installLayerHighlightRules(): void {
  if (installed) return;
  adoptStyleSheet(layerHighlightRules());
  installed = true;
}
