import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES } from '@shared/model';
import { resolveLanguage } from '@shared/language';
import { applyLanguage } from '../i18n/i18n';
import { useAppState, useAppStore } from '../state/useStore';
import { SettingSelect } from './SettingSelect';

/** Keeps the interface (and `<html lang dir>`) in the chosen language, following the system's until one is picked. */
export function useLanguage(): void {
  const choice = useAppState((s) => s.info?.language ?? 'system');
  useEffect(() => {
    applyLanguage(resolveLanguage(choice, navigator.languages));
    if (choice !== 'system') return;
    const follow = () => applyLanguage(resolveLanguage('system', navigator.languages));
    window.addEventListener('languagechange', follow);
    return () => window.removeEventListener('languagechange', follow);
  }, [choice]);
}

/**
 * System, English or Arabic: a select on the project picker (the File menu has it on the workbench). Each
 * language is named in its own words, so a user who cannot read the current one still finds theirs.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const store = useAppStore();
  const choice = useAppState((s) => s.info?.language ?? 'system');
  return (
    <SettingSelect
      name={t('language.name')}
      value={choice}
      choices={LANGUAGE_CHOICES}
      optionText={(language) => t(`language.${language}`)}
      optionLang={(language) => (language === 'system' ? undefined : language)}
      onChange={(language) => void store.setLanguage(language)}
    />
  );
}
