/**
 * Puts the palettes into the page (a constructed stylesheet: the CSP forbids inline <style>) and marks the
 * document with the theme in use: the user's choice, or the system's while the choice is `system`, followed
 * as the system changes.
 */
import type { ThemeChoice } from '@shared/model';
import { themeRules, type ThemeName } from './palette';
import { adoptStyleSheet } from './styleSheets';

export function installPalettes(): void {
  adoptStyleSheet(themeRules());
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ThemeName {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

/** Applies `choice` now and whenever the system's scheme changes; returns the function that stops following. */
export function followTheme(choice: ThemeChoice): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(choice, query.matches);
  };
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
