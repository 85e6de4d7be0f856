/**
 * The interface's words in English and Arabic, through i18next. Each feature keeps its strings in a namespace
 * of its own, one JSON file a language (`locales/<language>/<namespace>.json`), so features added side by side
 * never edit the same file. Keys use i18next's plural suffixes (`_one`, `_other`; Arabic also `_zero`, `_two`,
 * `_few`, `_many`), chosen by Intl.PluralRules; `completeness.test.ts` holds every namespace complete in both
 * languages.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { INTERFACE_LANGUAGES, systemLanguageOf, type InterfaceLanguage } from '@shared/language';

export const LANGUAGES = INTERFACE_LANGUAGES;
export type Language = InterfaceLanguage;
export const DEFAULT_NAMESPACE = 'common';
/**
 * The locale numbers and dates are written in. Egyptian Arabic writes Arabic-Indic digits (٤٬٠٠٠), the
 * digits of the Arabic press the app's users read; plain `ar` gives Latin digits in current ICU.
 */
export const FORMAT_LOCALES: Record<Language, string> = { en: 'en-GB', ar: 'ar-EG' };

type Strings = { [key: string]: string | Strings };
const files = {
  ...import.meta.glob<Strings>('./locales/*/*.json', { import: 'default', eager: true }),
  // The catalogues of what the core says (errors, imports, actions, suggestions): src/shared/messages/message.ts.
  ...import.meta.glob<Strings>('@shared/messages/locales/*/*.json', { import: 'default', eager: true }),
};

/** `{ en: { common: {...}, team: {...} }, ar: {...} }` from the locale files. */
export function localeResources(): Record<Language, Record<string, Strings>> {
  const resources: Record<Language, Record<string, Strings>> = { en: {}, ar: {} };
  for (const [path, strings] of Object.entries(files)) {
    const match = /\/locales\/([a-z]+)\/([A-Za-z0-9_-]+)\.json$/.exec(path);
    if (!match) continue;
    const language = match[1] as Language;
    if (!LANGUAGES.includes(language)) continue;
    resources[language][match[2]!] = strings;
  }
  return resources;
}

/** The system's language if the interface has it (the first of the user's preferred that it has), else English. */
export function systemLanguage(preferred: readonly string[] = navigator.languages ?? []): Language {
  return systemLanguageOf(preferred);
}

export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  const resources = localeResources();
  void instance.use(initReactI18next).init({
    resources: resources as Resource,
    lng: language,
    fallbackLng: 'en',
    defaultNS: DEFAULT_NAMESPACE,
    ns: Object.keys(resources.en),
    // React escapes what it renders; escaping here too would show `&amp;` in article titles.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  // `{{count, number}}` in a string: digits of the interface's language, as formatNumber writes them.
  instance.services.formatter?.add('number', (value: unknown, language: string | undefined) =>
    new Intl.NumberFormat(FORMAT_LOCALES[language === 'ar' ? 'ar' : 'en']).format(Number(value)),
  );
  return instance;
}

/** The one instance the renderer uses; starts in the system's language until the user's choice is known. */
export const i18n: I18n = createI18n(typeof navigator === 'undefined' ? 'en' : systemLanguage());

/** Switches the interface's language and mirrors the page: `<html lang dir>` follow it. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  }
}

/** The current language, as the interface shows it. */
export function currentLanguage(): Language {
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
}
