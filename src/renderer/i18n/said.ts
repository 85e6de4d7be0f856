/**
 * Something the interface says, kept as a key and its values rather than as text: worded when it is shown,
 * so it follows a language switch, and its values (file names, paths, labels) can be set apart from the
 * sentence around them (SaidText). A message of the core is one; the renderer's own namespaces give more.
 */
import { isMessage, type Message } from '@shared/messages/message';
import { i18n } from './i18n';

export interface Said {
  readonly ns: string;
  readonly key: string;
  /** Names and numbers; a nested one is worded in its place; a list, one item a line. */
  readonly params?: Readonly<Record<string, SaidValue>>;
}

export type SaidValue = string | number | Said | readonly Said[];

export function said(ns: string, key: string, params?: Record<string, SaidValue>): Said {
  return params === undefined ? { ns, key } : { ns, key, params };
}

/** The messages an answer of the core carried, when every one of them is a message; else undefined. */
export function saidOf(messages: readonly Message[] | undefined): readonly Said[] | undefined {
  return Array.isArray(messages) && messages.length > 0 && messages.every((m) => isMessage(m))
    ? messages
    : undefined;
}

/** The same as plain text, in the language of the moment (where markup cannot go: a string kept beside it). */
export function wordSaid(what: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(what.params ?? {}))
    values[name] =
      typeof value === 'string' || typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? (value as readonly Said[]).map(wordSaid).join('\n')
          : wordSaid(value as Said);
  return i18n.t(what.key, { ns: what.ns, ...values });
}
