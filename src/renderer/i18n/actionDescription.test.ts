// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { describeOlderAction } from './actionDescription';
import { applyLanguage } from './i18n';

afterEach(() => applyLanguage('en'));

/** Each shape of English the core recorded before schema 9 (src/core/project/*Service.ts), users' names inside. */
const NAMES = [
  'create claim',
  'create 23 annotations (number)',
  'delete denial',
  'relabel to number',
  'relabel to claim in curated',
  'edit note',
  'edit attributes',
  'edit document details',
  'link denies',
  'unlink denies',
  'mark in progress',
  "merge Ana's annotations",
  'accept agreed spans into curated',
  'accept claim from Ana into curated',
  'reject for curated',
  'change the extent in curated',
  'add topic fighters killed',
  'rename topic to fighters sent',
  'reorder topics',
  'delete topic',
];

describe('describeOlderAction', () => {
  it('says each action in English as the core named it', () => {
    for (const name of NAMES) expect(describeOlderAction(name)).toBe(name);
  });

  it('says each action in Arabic, keeping the names users gave', () => {
    applyLanguage('ar');
    for (const name of NAMES)
      expect(describeOlderAction(name), name).not.toMatch(
        /^(create|delete|relabel|edit|link|unlink|mark|merge|accept|reject|change|add|rename|reorder) /,
      );
    expect(describeOlderAction('create claim')).toBe('إنشاء claim');
    expect(describeOlderAction('create 23 annotations (number)')).toBe('إنشاء ٢٣ توسيمًا (number)');
    expect(describeOlderAction('mark in progress')).toBe('وضع الحالة: قيد العمل');
    expect(describeOlderAction("merge Ana's annotations")).toBe('دمج توسيمات Ana');
    expect(describeOlderAction('accept claim from Ana into curated')).toBe('قبول claim من Ana في curated');
    expect(describeOlderAction('accept claim from nobody into curated')).toBe(
      'قبول claim بلا مُعلِّق في curated',
    );
  });

  it('shows a name of no known shape as it is', () => {
    applyLanguage('ar');
    expect(describeOlderAction('something older')).toBe('something older');
  });
});
