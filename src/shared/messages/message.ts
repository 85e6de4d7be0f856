/**
 * What the core says to a person (an error, why a file was rejected, what an undo took back) travels as a
 * message: a key in one of the catalogues below and the values it names. Each interface words it in its own
 * language: the renderer through i18next (English and Arabic), the CLI and stored English text through
 * `englishOf`. Names the user wrote (labels, annotators, files) travel as values and are never translated.
 *
 * The catalogues are JSON files a language (`locales/<language>/<namespace>.json`) in i18next's format:
 * `{{name}}` is a value, `{{count, number}}` a number, and `_one`/`_other` (Arabic also `_zero`, `_two`, `_few`,
 * `_many`) the plural forms chosen by `count`. The renderer loads them beside its own namespaces, so the
 * completeness test holds them complete in both languages.
 */
import actions from './locales/en/actions.json';
import errors from './locales/en/errors.json';
import imports from './locales/en/imports.json';
import suggestions from './locales/en/suggestions.json';

/**
 * A catalogue: errors (AppError), imports (why a file was rejected), actions (undo and history), suggestions
 * (what found a suggestion).
 */
export const MESSAGE_NAMESPACES = ['errors', 'imports', 'actions', 'suggestions'] as const;
export type MessageNamespace = (typeof MESSAGE_NAMESPACES)[number];

/**
 * A message's values: names and numbers, or another message worded in its place (what an undo could not take
 * back is an action's own message, so it reads in the interface's language too).
 */
export type MessageParams = Readonly<Record<string, string | number | Message>>;

export interface Message {
  readonly ns: MessageNamespace;
  /** A key of the namespace's catalogue; dots go into nested objects. */
  readonly key: string;
  readonly params?: MessageParams;
}

export type Strings = { readonly [key: string]: string | Strings };

const ENGLISH: Readonly<Record<MessageNamespace, Strings>> = { errors, imports, actions, suggestions };

const englishPlurals = new Intl.PluralRules('en');

export function message(ns: MessageNamespace, key: string, params?: MessageParams): Message {
  return params === undefined ? { ns, key } : { ns, key, params };
}

function lookup(strings: Strings, key: string): string | undefined {
  let value: string | Strings | undefined = strings;
  for (const part of key.split('.')) {
    if (typeof value !== 'object') return undefined;
    value = value[part];
  }
  return typeof value === 'string' ? value : undefined;
}

/** The English template of a message: its plural form when it has a numeric `count`. */
function englishTemplate(strings: Strings, m: Message): string | undefined {
  const count = m.params?.count;
  if (typeof count === 'number') {
    const plural = lookup(strings, `${m.key}_${englishPlurals.select(count)}`);
    if (plural !== undefined) return plural;
  }
  return lookup(strings, m.key);
}

/**
 * The message in English, as the CLI prints it and as stored text keeps it. A key the catalogue lacks is a
 * programming error, but a person still reads something: the key and its values.
 */
export function englishOf(m: Message): string {
  return englishFrom(ENGLISH[m.ns], m);
}

/** `englishOf` with the catalogue given (the tests give their own). */
export function englishFrom(strings: Strings, m: Message): string {
  const template = englishTemplate(strings, m);
  if (template === undefined) return `${m.ns}:${m.key}${m.params ? ' ' + JSON.stringify(m.params) : ''}`;
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*(?:,\s*number\s*)?\}\}/g, (whole, name: string) => {
    const value = m.params?.[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return value.toLocaleString('en-US');
    return typeof value === 'string' ? value : englishOf(value);
  });
}

/** How deep messages may sit in each other's values: one inside another is all the core sends. */
const MAX_NESTING = 3;

/** Is this a message (for values that arrived over IPC or HTTP, or from a stored row)? */
export function isMessage(value: unknown, depth = 0): value is Message {
  if (typeof value !== 'object' || value === null || depth > MAX_NESTING) return false;
  const m = value as Record<string, unknown>;
  if (!(MESSAGE_NAMESPACES as readonly unknown[]).includes(m.ns) || typeof m.key !== 'string') return false;
  if (m.params === undefined) return true;
  if (typeof m.params !== 'object' || m.params === null) return false;
  return Object.values(m.params).every(
    (v) => typeof v === 'string' || typeof v === 'number' || isMessage(v, depth + 1),
  );
}
