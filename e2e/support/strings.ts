/**
 * The interface's words as the app has them (src/renderer/i18n/locales, and the core's message catalogues in
 * src/shared/messages/locales), for tests that run in Arabic: a control is found by the name the user reads,
 * in the language the test chose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app';

export type Language = 'en' | 'ar';
type Strings = { [key: string]: string | Strings };

const RENDERER_LOCALES = 'src/renderer/i18n/locales';
const SHARED_LOCALES = 'src/shared/messages/locales';
/** The namespaces of what the core says (src/shared/messages/message.ts). */
const MESSAGE_NAMESPACES = ['errors', 'imports', 'actions'];

/** `words('ar')('dialogs:picker.create')`: the string, with `{{name}}` filled from `values`. */
export function words(language: Language) {
  const cache = new Map<string, Strings>();
  return (key: string, values: Record<string, string> = {}): string => {
    const [namespace, path] = key.includes(':') ? key.split(':') : ['common', key];
    if (!cache.has(namespace!)) {
      const folder = MESSAGE_NAMESPACES.includes(namespace!) ? SHARED_LOCALES : RENDERER_LOCALES;
      const file = join(ROOT, folder, language, `${namespace}.json`);
      cache.set(namespace!, JSON.parse(readFileSync(file, 'utf8')) as Strings);
    }
    let value: string | Strings = cache.get(namespace!)!;
    for (const part of path!.split('.')) value = (value as Strings)[part]!;
    if (typeof value !== 'string') throw new Error(`${language}/${key} is not a string`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  };
}
