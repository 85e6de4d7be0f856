// Issue 14: the colours imported labels get (Okabe-Ito: yellow #f0e442, black #000000…) and any colour a user
// picks must stand out from both themes' backgrounds where a label's colour is painted.
import { describe, expect, it } from 'vitest';
import { IMPORTED_LABEL_COLORS } from '@shared/labelColors';
import { contrastRatio, mix } from './contrast';
import { LABEL_CONTRAST, readableLabelColor } from './labelColor';
import { PALETTES, TINT_PERCENT, type ThemeName } from './palette';

const THEMES: ThemeName[] = ['light', 'dark'];
/** A spread of colours a user might pick: greys, pastels, saturated and very dark ones. */
const PICKED = Array.from({ length: 216 }, (_, i) => {
  const steps = ['00', '33', '66', '99', 'cc', 'ff'];
  return `#${steps[Math.floor(i / 36)]}${steps[Math.floor(i / 6) % 6]}${steps[i % 6]}`;
});

describe.each(THEMES)('label colours on the %s theme', (theme) => {
  const grounds = [PALETTES[theme].bg!, PALETTES[theme].pane!];

  it.each([...IMPORTED_LABEL_COLORS, '#0072b2', '#d55e00', '#009e73', '#cc79a7'])(
    '%s is painted in a shade that stands out from the page and the panes',
    (color) => {
      const painted = readableLabelColor(color, theme);
      for (const ground of grounds)
        expect(contrastRatio(painted, ground)).toBeGreaterThanOrEqual(LABEL_CONTRAST);
    },
  );

  it('so is any colour a user picks', () => {
    for (const color of PICKED) {
      const painted = readableLabelColor(color, theme);
      for (const ground of grounds)
        expect(contrastRatio(painted, ground), `${color} → ${painted} on ${ground}`).toBeGreaterThanOrEqual(
          LABEL_CONTRAST,
        );
    }
  });

  it("tints the text it covers so the text stays readable, whatever the label's colour", () => {
    for (const color of [...PICKED, ...IMPORTED_LABEL_COLORS])
      for (const ground of grounds)
        expect(
          contrastRatio(PALETTES[theme].text!, mix(color, ground, TINT_PERCENT)),
          color,
        ).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps a colour that already stands out as it is', () => {
    for (const color of PICKED.filter((c) => grounds.every((g) => contrastRatio(c, g) >= LABEL_CONTRAST)))
      expect(readableLabelColor(color, theme)).toBe(color);
  });
});

it('the yellow and the black of imported labels fail on one theme as stored: they need the shading', () => {
  expect(contrastRatio('#f0e442', PALETTES.light.bg!)).toBeLessThan(LABEL_CONTRAST);
  expect(contrastRatio('#000000', PALETTES.dark.bg!)).toBeLessThan(LABEL_CONTRAST);
  expect(readableLabelColor('#f0e442', 'dark')).toBe('#f0e442');
  expect(readableLabelColor('#000000', 'light')).toBe('#000000');
});
