/**
 * Numbers and dates written the way the interface's language writes them (Arabic: Arabic-Indic digits and its
 * own date order). Article text is never passed through these: its digits are the article's own.
 */
import { currentLanguage, FORMAT_LOCALES as LOCALES, type Language } from './i18n';

export function formatNumber(value: number, language: Language = currentLanguage()): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** A date (and time when it has one) from an ISO 8601 string; an unreadable string is returned as it is. */
export function formatDate(iso: string, language: Language = currentLanguage(), withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}

/** The time of day alone (the save indicator's "Saved 14:02"). */
export function formatTime(iso: string, language: Language = currentLanguage()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'medium' }).format(date);
}

/** A size in bytes as KB or MB, with the language's digits. */
export function formatSize(bytes: number, language: Language = currentLanguage()): string {
  const megabytes = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(LOCALES[language], {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(megabytes ? bytes / 1024 / 1024 : Math.ceil(bytes / 1024));
}
