/**
 * Rules the page gets at run time go into constructed stylesheets: the CSP forbids inline <style>. Highlight
 * pseudo-elements do not reliably see custom properties, so their rules are written out once per theme.
 */
import { PALETTES } from './palette';

/** Adds a constructed stylesheet holding `rules` to the page, and hands it back for later replacing. */
export function adoptStyleSheet(rules = ''): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(rules);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}

/** The rules `write` gives for each theme: the light one unscoped, the dark one under its `data-theme`. */
export function rulesPerTheme(write: (scope: string, palette: Record<string, string>) => string[]): string[] {
  return [['', PALETTES.light] as const, [":root[data-theme='dark'] ", PALETTES.dark] as const].flatMap(
    ([scope, palette]) => write(scope, palette),
  );
}
