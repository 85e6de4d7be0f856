import { describe, expect, it } from 'vitest';
import { englishFrom, englishOf, isMessage, message } from './message';

const catalogue = {
  rejected: { notText: '{{file}}: not UTF-8 text' },
  spans_one: '{{count, number}} span in {{label}}',
  spans_other: '{{count, number}} spans in {{label}}',
};

describe('messages in English', () => {
  it('fills values into the template, nested keys by dots', () => {
    expect(englishFrom(catalogue, message('imports', 'rejected.notText', { file: 'a.txt' }))).toBe(
      'a.txt: not UTF-8 text',
    );
  });

  it('chooses the plural form by count and writes the number with separators', () => {
    expect(englishFrom(catalogue, message('imports', 'spans', { count: 1, label: 'claim' }))).toBe(
      '1 span in claim',
    );
    expect(englishFrom(catalogue, message('imports', 'spans', { count: 12000, label: 'claim' }))).toBe(
      '12,000 spans in claim',
    );
  });

  it('leaves a value that looks like a template alone (names the user wrote are not templates)', () => {
    expect(englishFrom(catalogue, message('imports', 'rejected.notText', { file: '{{label}}.txt' }))).toBe(
      '{{label}}.txt: not UTF-8 text',
    );
  });

  it('says the key and values of a message its catalogue lacks, rather than nothing', () => {
    expect(englishFrom(catalogue, message('errors', 'nope', { a: 1 }))).toBe('errors:nope {"a":1}');
  });

  it('words a message given as a value in its place', () => {
    const refusal = message('errors', 'history.undoConflict', {
      what: message('actions', 'create', { label: 'claim' }),
    });
    expect(englishOf(refusal)).toMatch(/^Cannot undo “create claim”: another window/);
    expect(isMessage(refusal)).toBe(true);
    // A chain deeper than the core ever sends is no message (a hostile payload cannot recurse without end).
    let deep = message('actions', 'create', { label: 'claim' });
    for (let i = 0; i < 5; i++) deep = message('errors', 'history.undoConflict', { what: deep });
    expect(isMessage(deep)).toBe(false);
  });

  it('tells a message from other values', () => {
    expect(isMessage(message('errors', 'x', { a: 'b', n: 2 }))).toBe(true);
    expect(isMessage({ ns: 'elsewhere', key: 'x' })).toBe(false);
    expect(isMessage({ ns: 'errors', key: 'x', params: { a: {} } })).toBe(false);
    expect(isMessage('errors:x')).toBe(false);
  });
});
