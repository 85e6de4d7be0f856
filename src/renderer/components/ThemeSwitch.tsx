import { useEffect } from 'react';
import { THEME_CHOICES, type ThemeChoice } from '@shared/model';
import { followTheme } from '../theme/installTheme';
import { useAppState, useAppStore } from '../state/useStore';

export const THEME_NAMES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Keeps the page in the chosen theme (the system's until the user picks one). */
export function useTheme(): void {
  const choice = useAppState((s) => s.info?.theme ?? 'system');
  useEffect(() => followTheme(choice), [choice]);
}

/** Light, dark, or as the system: a select on the project picker (the File menu has it on the workbench). */
export function ThemeSwitch() {
  const store = useAppStore();
  const choice = useAppState((s) => s.info?.theme ?? 'system');
  return (
    <label className="theme-switch">
      <span className="control-name">Theme</span>{' '}
      <select value={choice} onChange={(e) => void store.setTheme(e.currentTarget.value as ThemeChoice)}>
        {THEME_CHOICES.map((theme) => (
          <option key={theme} value={theme}>
            {THEME_NAMES[theme]}
          </option>
        ))}
      </select>
    </label>
  );
}
