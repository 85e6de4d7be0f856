import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, type ThemeChoice } from '@shared/model';
import { followTheme } from '../theme/installTheme';
import { useAppState, useAppStore } from '../state/useStore';

/** Keeps the page in the chosen theme (the system's until the user picks one). */
export function useTheme(): void {
  const choice = useAppState((s) => s.info?.theme ?? 'system');
  useEffect(() => followTheme(choice), [choice]);
}

/** Light, dark, or as the system: a select on the project picker (the File menu has it on the workbench). */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const store = useAppStore();
  const choice = useAppState((s) => s.info?.theme ?? 'system');
  return (
    <label className="theme-switch">
      <span className="control-name">{t('theme.name')}</span>{' '}
      <select value={choice} onChange={(e) => void store.setTheme(e.currentTarget.value as ThemeChoice)}>
        {THEME_CHOICES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`theme.${theme}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
