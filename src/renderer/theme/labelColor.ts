/**
 * A label's colour as it is painted (swatches, borders, bands, arcs): the stored colour when it stands out
 * from both of the theme's backgrounds (WCAG 2.1, 3:1 for graphics), else the nearest shade of it that does,
 * darker on the light theme and lighter on the dark. The stored colour is the project's data and never
 * changes; imported labels come with yellow (#f0e442) and black (#000000), and the user may pick any colour.
 */
import { contrastRatio, mix } from './contrast';
import { PALETTES, type ThemeName } from './palette';

/** The least contrast a label's colour keeps against the page and the panes. */
export const LABEL_CONTRAST = 3;

const hex = (rgb: readonly number[]) =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function standsOut(color: string, theme: ThemeName): boolean {
  const palette = PALETTES[theme];
  return [palette.bg!, palette.pane!].every((ground) => contrastRatio(color, ground) >= LABEL_CONTRAST);
}

export function readableLabelColor(color: string, theme: ThemeName): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return theme === 'dark' ? '#a9a7a2' : '#63625e';
  if (standsOut(color, theme)) return color;
  // Towards black on the light theme, white on the dark, in steps of 5%, keeping the hue.
  const toward = theme === 'dark' ? '#ffffff' : '#000000';
  for (let percent = 5; percent <= 100; percent += 5) {
    const shade = hex(mix(toward, color, percent));
    if (standsOut(shade, theme)) return shade;
  }
  return toward;
}
