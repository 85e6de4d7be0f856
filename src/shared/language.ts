/**
 * The interface's languages and which one a user gets: the one they chose, else the first of the system's
 * preferred languages (navigator.languages, Electron's preferred system languages) the interface has, else
 * English. One rule for the window and the native menu.
 */
import type { LanguageChoice } from './model';

export const INTERFACE_LANGUAGES = ['en', 'ar'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

export function systemLanguageOf(preferred: readonly string[]): InterfaceLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((INTERFACE_LANGUAGES as readonly string[]).includes(base!)) return base as InterfaceLanguage;
  }
  return 'en';
}

export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): InterfaceLanguage {
  return choice === 'system' ? systemLanguageOf(preferred) : choice;
}
