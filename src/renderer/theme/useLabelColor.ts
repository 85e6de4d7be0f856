/** Label colours as the theme in use paints them (labelColor.ts), following the theme as it changes. */
import { useCallback, useSyncExternalStore } from 'react';
import { readableLabelColor } from './labelColor';
import type { ThemeName } from './palette';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const themeInUse = (): ThemeName => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

/** A function from a label's stored colour to the colour it is painted in now. */
export function useLabelColor(): (color: string) => string {
  const theme = useSyncExternalStore(subscribe, themeInUse, () => 'light' as const);
  return useCallback((color: string) => readableLabelColor(color, theme), [theme]);
}
