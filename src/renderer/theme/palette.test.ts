// Label colours and highlight tints must stay readable on both backgrounds (WCAG 2.1: 4.5:1 for text,
// 3:1 for the swatches and bands that carry a label's colour).
import { describe, expect, it } from 'vitest';
import { contrastRatio, mix } from './contrast';
import { PALETTES, TINT_PERCENT, type ThemeName } from './palette';
import initialSchema from '../../core/db/migrations/0001_init.sql?raw';

/** The colours a new project's labels get, read from the migration that creates them. */
const DEFAULT_LABEL_COLORS = [...initialSchema.matchAll(/\('\w+',\s*'\w+',\s*'(#[0-9a-f]{6})'/g)].map(
  (match) => match[1]!,
);

const THEMES: ThemeName[] = ['light', 'dark'];

describe.each(THEMES)('the %s theme', (theme) => {
  const palette = PALETTES[theme];

  it('reads the three default label colours', () => {
    expect(DEFAULT_LABEL_COLORS).toEqual(['#0072b2', '#d55e00', '#009e73']);
  });

  it('text, muted text, links and errors are readable on the page and the panes', () => {
    for (const background of [palette.bg!, palette.pane!, palette['button-bg']!]) {
      for (const ink of ['text', 'muted', 'accent', 'danger']) {
        expect(contrastRatio(palette[ink]!, background), `${ink} on ${background}`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
  });

  it('text on the accent (a pressed filter chip) is readable', () => {
    expect(contrastRatio(palette['on-accent']!, palette.accent!)).toBeGreaterThanOrEqual(4.5);
  });

  it('text is readable on every tinted surface (rows, badges, notices, marks, the selected highlight)', () => {
    const surfaces = [
      'active-row',
      'notice-info',
      'notice-error',
      'notice-link',
      'notice-job',
      'badge-todo',
      'badge-progress',
      'badge-done',
      'mark',
      'selected-tint',
    ];
    for (const surface of surfaces) {
      expect(contrastRatio(palette.text!, palette[surface]!), surface).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(DEFAULT_LABEL_COLORS)(
    'label colour %s: its swatch and band stand out, its tint keeps text readable',
    (color) => {
      for (const background of [palette.bg!, palette.pane!]) {
        expect(contrastRatio(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(3);
      }
      const tint = mix(color, palette.pane!, TINT_PERCENT);
      expect(contrastRatio(palette.text!, tint)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

describe('contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
