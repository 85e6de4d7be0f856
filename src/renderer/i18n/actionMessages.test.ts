import { afterEach, describe, expect, it } from 'vitest';
import { englishOf, message, type Message } from '@shared/messages/message';
import english from '@shared/messages/locales/en/actions.json';
import { applyLanguage } from './i18n';
import { wordMessage } from './message';

afterEach(() => applyLanguage('en'));

/** A message of each shape the core records (src/core/project/*Service.ts), with names users gave. */
const SAID: readonly Message[] = [
  message('actions', 'create', { label: 'claim' }),
  message('actions', 'createMany', { count: 1200, labels: 'claim, number' }),
  message('actions', 'delete', { label: 'denial' }),
  message('actions', 'relabel', { label: 'number' }),
  message('actions', 'relabelIn', { label: 'claim', layer: 'curated' }),
  message('actions', 'editNote'),
  message('actions', 'editAttributes'),
  message('actions', 'editDetails'),
  message('actions', 'link', { type: 'denies' }),
  message('actions', 'unlink', { type: 'denies' }),
  ...['todo', 'in_progress', 'done', 'skipped'].map((status) =>
    message('actions', `mark.${status}`, { status }),
  ),
  message('actions', 'merge', { annotator: 'Ana' }),
  message('actions', 'acceptAgreed', { layer: 'curated' }),
  message('actions', 'accept', { label: 'claim', annotator: 'Ana', layer: 'curated' }),
  message('actions', 'acceptUnowned', { label: 'claim', layer: 'curated' }),
  message('actions', 'reject', { layer: 'curated' }),
  message('actions', 'extent', { layer: 'curated' }),
  message('actions', 'addTopic', { topic: 'fighters killed' }),
  message('actions', 'renameTopic', { topic: 'fighters sent' }),
  message('actions', 'reorderTopics'),
  message('actions', 'deleteTopic'),
];

type Strings = { [key: string]: string | Strings };
const keysOf = (strings: Strings, prefix = ''): string[] =>
  Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );

describe('the actions catalogue', () => {
  it('has a shape above for every key, so each is checked below', () => {
    const keys = new Set(keysOf(english).map((key) => key.replace(/_(one|other)$/, '')));
    expect(new Set(SAID.map((m) => m.key))).toEqual(keys);
  });

  it('words each action in the interface as the CLI and the stored English do', () => {
    applyLanguage('en');
    for (const said of SAID) expect(wordMessage(said), said.key).toBe(englishOf(said));
  });

  it('words each action in Arabic, keeping the names users gave', () => {
    applyLanguage('ar');
    for (const said of SAID) {
      const worded = wordMessage(said);
      // Every Latin word left is a name the user gave.
      const names = Object.values(said.params ?? {}).join(' ');
      for (const word of worded.match(/[A-Za-z]+/g) ?? [])
        expect(names, `${said.key}: ${worded}`).toContain(word);
      for (const value of Object.values(said.params ?? {}))
        if (typeof value === 'string' && said.key !== 'mark.' + value) expect(worded).toContain(value);
    }
    expect(wordMessage(SAID[1]!)).toBe('إنشاء ١٬٢٠٠ توسيم (claim, number)');
  });
});
