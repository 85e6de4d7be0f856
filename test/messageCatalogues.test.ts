/**
 * The catalogues of what the core says (src/shared/messages) against the code that says it. Keys are checked
 * by the compiler where the typed helpers (`errorMessage`, `importMessage`, `suggestionMessage`) name them; this also catches a
 * key passed to `message()` directly, and values a translation expects but the core never sends.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Strings } from '@shared/messages/message';

const ROOT = join(import.meta.dirname, '..');
const LOCALES = join(ROOT, 'src/shared/messages/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const NAMESPACES = ['errors', 'imports', 'suggestions'] as const;

function catalogue(language: string, namespace: string): Strings {
  return JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Strings;
}

/** Every template by its key, a plural family under its base key. */
function templates(strings: Strings, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') {
      const base = `${prefix}${key}`.replace(PLURAL, '');
      out.set(base, [...(out.get(base) ?? []), value]);
    } else for (const [k, v] of templates(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (texts: string[]) =>
  new Set(texts.flatMap((text) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!)));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the message catalogues', () => {
  it('hold every key the sources name, in English', () => {
    const english = Object.fromEntries(NAMESPACES.map((ns) => [ns, templates(catalogue('en', ns))]));
    const named =
      /\b(?:message\(\s*'(errors|imports|suggestions)',|(error|import|suggestion)Message\()\s*'([^']+)'/g;
    const missing: string[] = [];
    let found = 0;
    for (const file of sources(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(named)) {
        const namespace = m[1] ?? `${m[2]}s`;
        found++;
        if (!english[namespace]!.has(m[3]!)) missing.push(`${relative(ROOT, file)}: ${namespace}:${m[3]}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan reads the sources it means to (a pattern that matched nothing would pass anything).
    expect(found).toBeGreaterThan(100);
  });

  for (const namespace of NAMESPACES) {
    it(`asks in Arabic only for the values the English of ${namespace} names (those the core sends)`, () => {
      const english = templates(catalogue('en', namespace));
      const arabic = templates(catalogue('ar', namespace));
      const strays: string[] = [];
      for (const [key, forms] of arabic) {
        const sent = placeholders(english.get(key) ?? []);
        for (const name of placeholders(forms)) if (!sent.has(name)) strays.push(`${key}: {{${name}}}`);
      }
      expect(strays).toEqual([]);
    });
  }

  it('leaves out in Arabic only the values that are English phrases (an action named by its description)', () => {
    const dropped: string[] = [];
    for (const namespace of NAMESPACES) {
      const arabic = templates(catalogue('ar', namespace));
      for (const [key, forms] of templates(catalogue('en', namespace))) {
        const said = placeholders(arabic.get(key) ?? []);
        for (const name of placeholders(forms))
          if (!said.has(name) && name !== 'count') dropped.push(`${namespace}:${key} {{${name}}}`);
      }
    }
    expect(dropped).toEqual([
      'errors:curate.readOnlyLayer {{what}}',
      'errors:curate.readOnlyLayerCurating {{what}}',
    ]);
  });
});
