import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_CHOICES } from '@shared/model';
import { followTheme } from '../theme/installTheme';
import { useAppState, useAppStore } from '../state/useStore';
import { SettingSelect } from './SettingSelect';

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
    <SettingSelect
      name={t('theme.name')}
      value={choice}
      choices={THEME_CHOICES}
      optionText={(theme) => t(`theme.${theme}`)}
      onChange={(theme) => void store.setTheme(theme)}
    />
  );
}
