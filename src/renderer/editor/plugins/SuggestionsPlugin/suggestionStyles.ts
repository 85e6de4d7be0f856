/**
 * The ghost style of suggestions: a dotted underline in a neutral tone (never a label colour, and not the
 * dashed underline of the pending selection), and for the suggestion the keys would act on, a neutral tint
 * as well. Written out per theme from the palette, as highlightStyles.ts does, because highlight
 * pseudo-elements do not reliably see custom properties.
 */
import { adoptStyleSheet, rulesPerTheme } from '../../../theme/styleSheets';

export const SUGGESTION_HIGHLIGHT = 'sl-suggestion';
export const SUGGESTION_TARGET_HIGHLIGHT = 'sl-suggestion-target';

export function suggestionRules(): string {
  return rulesPerTheme((scope, palette) => [
    `${scope}::highlight(${SUGGESTION_HIGHLIGHT}) { text-decoration: underline dotted 2px ${palette['suggestion-underline']}; text-underline-offset: 3px; }`,
    `${scope}::highlight(${SUGGESTION_TARGET_HIGHLIGHT}) { background-color: ${palette['suggestion-target']}; text-decoration: underline dotted 3px ${palette['suggestion-underline']}; text-underline-offset: 3px; }`,
  ]).join('\n');
}

let installed = false;

/** A constructed stylesheet: the CSP forbids inline <style>. Once: the rules depend on no data. */
export function installSuggestionRules(): void {
  if (installed) return;
  installed = true;
  adoptStyleSheet(suggestionRules());
}
