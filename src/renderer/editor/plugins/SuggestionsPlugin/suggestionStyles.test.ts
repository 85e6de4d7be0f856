// The ghost style must be seen in both themes (WCAG 2.1 non-text contrast, 3:1) and keep the text on the
// marked suggestion readable (4.5:1), without borrowing a label's colour.
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../../theme/contrast';
import { PALETTES, type ThemeName } from '../../../theme/palette';
import initialSchema from '../../../../core/db/migrations/0001_init.sql?raw';
import { SUGGESTION_HIGHLIGHT, SUGGESTION_TARGET_HIGHLIGHT, suggestionRules } from './suggestionStyles';

const DEFAULT_LABEL_COLORS = [...initialSchema.matchAll(/\('\w+',\s*'\w+',\s*'(#[0-9a-f]{6})'/g)].map(
  (match) => match[1]!,
);

describe.each(['light', 'dark'] as ThemeName[])('suggestions in the %s theme', (theme) => {
  const palette = PALETTES[theme];

  it('the dotted underline stands out on the page and the panes', () => {
    for (const background of [palette.bg!, palette.pane!])
      expect(contrastRatio(palette['suggestion-underline']!, background)).toBeGreaterThanOrEqual(3);
  });

  it('text on the marked suggestion stays readable, and its underline still shows there', () => {
    expect(contrastRatio(palette.text!, palette['suggestion-target']!)).toBeGreaterThanOrEqual(4.5);
    expect(
      contrastRatio(palette['suggestion-underline']!, palette['suggestion-target']!),
    ).toBeGreaterThanOrEqual(3);
  });

  it('is not a label colour, nor the pending selection’s underline', () => {
    expect(DEFAULT_LABEL_COLORS).toHaveLength(3);
    expect(DEFAULT_LABEL_COLORS).not.toContain(palette['suggestion-underline']);
    expect(palette['suggestion-underline']).not.toBe(palette['pending-underline']);
  });
});

describe('the rules', () => {
  it('paint both highlights in each theme, dotted', () => {
    const rules = suggestionRules();
    expect(rules.match(new RegExp(`::highlight\\(${SUGGESTION_HIGHLIGHT}\\)`, 'g'))).toHaveLength(2);
    expect(rules.match(new RegExp(`::highlight\\(${SUGGESTION_TARGET_HIGHLIGHT}\\)`, 'g'))).toHaveLength(2);
    expect(rules).toContain(`:root[data-theme='dark'] ::highlight(${SUGGESTION_HIGHLIGHT})`);
    expect(rules).not.toMatch(/dashed/);
  });
});
