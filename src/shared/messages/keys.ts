/**
 * The keys of the errors, imports and suggestions catalogues as types, derived from the English JSON, so a message naming
 * a key the catalogue lacks does not compile (a typo would otherwise reach the user as `errors:key {...}`).
 * A plural family (`rows_one`, `rows_other`) is one key, `rows`; nested objects are joined by dots.
 */
import { message, type Message, type MessageParams } from './message';
import type errors from './locales/en/errors.json';
import type imports from './locales/en/imports.json';
import type suggestions from './locales/en/suggestions.json';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every key of a catalogue, nested ones by dots, plural families once. */
export type CatalogueKey<T> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPlural<K> : `${K}.${CatalogueKey<T[K]>}`;
}[keyof T & string];

export type ErrorKey = CatalogueKey<typeof errors>;
export type ImportKey = CatalogueKey<typeof imports>;
export type SuggestionKey = CatalogueKey<typeof suggestions>;

/** A message of the errors catalogue (what an AppError says). */
export function errorMessage(key: ErrorKey, params?: MessageParams): Message {
  return message('errors', key, params);
}

/** A message of the imports catalogue (why a file or a line of it was not imported). */
export function importMessage(key: ImportKey, params?: MessageParams): Message {
  return message('imports', key, params);
}

/** A message of the suggestions catalogue (what found a suggestion: a rule, a cue, earlier tagging). */
export function suggestionMessage(key: SuggestionKey, params?: MessageParams): Message {
  return message('suggestions', key, params);
}
