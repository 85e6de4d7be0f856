/**
 * Highlights are drawn with the CSS Custom Highlight API: ranges registered by name and painted by
 * `::highlight(name)` rules. Nothing is inserted into the article's DOM, so a highlight can never split,
 * reorder or re-shape the text around it (bidi runs and Arabic joining stay exactly as without it), and
 * adding one costs no re-render of the text.
 */
import type { Label } from '@shared/model';
import { TINT_PERCENT } from '../../../theme/palette';
import { adoptStyleSheet, rulesPerTheme } from '../../../theme/styleSheets';

export const SELECTED_HIGHLIGHT = 'sl-selected';
/** The selection as it will be tagged (snapped to words and graphemes, trimmed). */
export const PENDING_HIGHLIGHT = 'sl-pending';

export function labelHighlightName(position: number): string {
  return `sl-label-${position}`;
}

/** Only colours we produced reach CSS: `#rrggbb`, or a neutral grey. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#888888';
}

export function highlightRules(labels: Label[]): string {
  const rules = labels.map((label, i) => {
    const color = safeColor(label.color);
    // A tint shows the extent; the bands under the lines (BandsPlugin) tell overlapping spans apart.
    return `::highlight(${labelHighlightName(i)}) { background-color: color-mix(in srgb, ${color} ${TINT_PERCENT}%, transparent); }`;
  });
  // Highlight pseudo-elements do not reliably see custom properties, so each theme's colours are written out.
  const themed = rulesPerTheme((scope, palette) => [
    `${scope}::highlight(${SELECTED_HIGHLIGHT}) { background-color: ${palette['selected-tint']}; text-decoration: underline 2px ${palette.outline}; }`,
    `${scope}::highlight(${PENDING_HIGHLIGHT}) { text-decoration: underline dashed 2px ${palette['pending-underline']}; }`,
  ]);
  return [...rules, ...themed].join('\n');
}

let sheet: CSSStyleSheet | null = null;

/**
 * Installs the rules as a constructed stylesheet: the CSP forbids inline <style>, and label colours are data,
 * so they cannot live in the static stylesheet.
 */
export function installHighlightRules(labels: Label[]): void {
  sheet ??= adoptStyleSheet();
  sheet.replaceSync(highlightRules(labels));
}
