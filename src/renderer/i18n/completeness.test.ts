import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeResources, type Language } from './i18n';

type Strings = { [key: string]: string | Strings };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(strings: Strings, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

/** Each key as a language must hold it: a plural key in every category that language's plural rules use. */
function expectedKeys(keys: string[], language: Language): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const expected = new Set<string>();
  for (const key of keys) {
    if (PLURAL_SUFFIX.test(key)) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const category of categories) expected.add(`${base}_${category}`);
    } else expected.add(key);
  }
  return expected;
}

describe('the interface strings', () => {
  const resources = localeResources();
  const namespaces = new Set(LANGUAGES.flatMap((language) => Object.keys(resources[language])));

  it('has the same namespaces in every language', () => {
    for (const language of LANGUAGES)
      expect(Object.keys(resources[language]).sort()).toEqual([...namespaces].sort());
  });

  for (const namespace of namespaces) {
    it(`holds namespace "${namespace}" complete in every language, plurals in each language's categories`, () => {
      const allKeys = LANGUAGES.flatMap((language) => flatten(resources[language][namespace] ?? {}));
      for (const language of LANGUAGES) {
        const keys = new Set(flatten(resources[language][namespace] ?? {}));
        const expected = expectedKeys(allKeys, language);
        expect(
          [...expected].filter((key) => !keys.has(key)),
          `${language}/${namespace} lacks`,
        ).toEqual([]);
        // A plural form the language never uses is dead text (English has no "_few").
        const plural = [...keys].filter((key) => PLURAL_SUFFIX.test(key) && !expected.has(key));
        expect(plural, `${language}/${namespace} has forms it never uses`).toEqual([]);
        const empty = [...keys].filter((key) => lookup(resources[language][namespace]!, key).trim() === '');
        expect(empty, `${language}/${namespace} has empty strings`).toEqual([]);
      }
    });
  }
});

function lookup(strings: Strings, key: string): string {
  let value: string | Strings = strings;
  for (const part of key.split('.')) value = (value as Strings)[part]!;
  return value as string;
}
