import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, type LanguageChoice } from '@shared/model';
import { resolveLanguage } from '@shared/language';
import { applyLanguage } from '../i18n/i18n';
import { useAppState, useAppStore } from '../state/useStore';

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
    <label className="theme-switch">
      <span className="control-name">{t('language.name')}</span>{' '}
      <select
        value={choice}
        onChange={(e) => void store.setLanguage(e.currentTarget.value as LanguageChoice)}
      >
        {LANGUAGE_CHOICES.map((language) => (
          <option key={language} value={language} lang={language === 'system' ? undefined : language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
