import { describe, expect, it } from 'vitest';
import type { Label } from '@shared/model';
import { learnedKey } from './learned';
import { suggest, type SuggestInput } from './suggester';
import { prng } from '../../../test/support/random';

const LABELS: Label[] = [
  {
    id: 'claim',
    name: 'claim',
    color: '#0072b2',
    hotkey: '1',
    position: 0,
    attributes: [{ name: 'source', type: 'text' }],
  },
  {
    id: 'denial',
    name: 'denial',
    color: '#d55e00',
    hotkey: '2',
    position: 1,
    attributes: [{ name: 'source', type: 'text' }],
  },
  {
    id: 'number',
    name: 'Zahl', // renamed: the rules follow the label's id
    color: '#009e73',
    hotkey: '3',
    position: 2,
    attributes: [
      { name: 'value', type: 'number' },
      { name: 'unit', type: 'text' },
      { name: 'approximate', type: 'boolean' },
    ],
  },
  { id: 'place', name: 'place', color: '#cc79a7', hotkey: '4', position: 3, attributes: [] },
];

const TEXT = 'The observatory said that about 72 fighters were killed in Karabakh. Karabakh saw fighting.';

const input = (over: Partial<SuggestInput> = {}): SuggestInput => ({
  text: TEXT,
  labels: LABELS,
  annotations: [],
  tagged: [],
  isRejected: () => false,
  ...over,
});

describe('suggestions for a document', () => {
  it('offers numbers with their attributes and claims with their source, in text order', () => {
    const found = suggest(input());
    expect(found.map((s) => [s.labelId, s.text])).toEqual([
      ['claim', 'about 72 fighters were killed in Karabakh'],
      ['number', '72'],
    ]);
    expect(found[1]!.attributes).toEqual({ value: 72, unit: 'fighters', approximate: true });
    expect(found[0]!.attributes).toEqual({ source: 'observatory' });
  });

  it('says what found each as a message: the rule, the cue word as the article has it, earlier tagging', () => {
    const found = suggest(input({ tagged: [{ labelId: 'place', text: 'Karabakh' }] }));
    expect(found.map((s) => [s.rule, s.reason, s.i18n])).toEqual([
      ['claims', 'cue: said', { ns: 'suggestions', key: 'cue', params: { cue: 'said' } }],
      ['numbers', 'digits', { ns: 'suggestions', key: 'number.digits' }],
      ['learned', 'tagged 1 time before', { ns: 'suggestions', key: 'learned', params: { count: 1 } }],
      ['learned', 'tagged 1 time before', { ns: 'suggestions', key: 'learned', params: { count: 1 } }],
    ]);
  });

  it('offers what was tagged elsewhere, with its label, at every place it stands', () => {
    const found = suggest(
      input({ tagged: [{ labelId: 'place', text: 'Karabakh' }], onlyLabels: new Set(['place']) }),
    );
    expect(found.map((s) => [s.text, s.rule, s.reason])).toEqual([
      ['Karabakh', 'learned', 'tagged 1 time before'],
      ['Karabakh', 'learned', 'tagged 1 time before'],
    ]);
  });

  it('drops suggestions an annotation of the same label already overlaps, and rejected texts', () => {
    const found = suggest(
      input({
        annotations: [{ labelId: 'number', start: 32, end: 34 }],
        isRejected: (labelId, key) =>
          labelId === 'claim' && key === learnedKey('about 72 fighters were killed in Karabakh'),
      }),
    );
    expect(found).toEqual([]);
  });

  it('drops exactly the suggestions an annotation of their label overlaps, among many annotations', () => {
    // Numbers every few characters; annotations of random extent, some nested, some of another label.
    const text = Array.from({ length: 300 }, (_, i) => `w${i % 7} ${i}`).join(' ');
    const all = suggest(input({ text, isEnabled: (_, rule) => rule === 'numbers' }));
    expect(all.length).toBe(300);
    const random = prng(20261128);
    const annotations = Array.from({ length: 120 }, () => {
      const start = Math.floor(random() * text.length);
      const end = Math.min(text.length, start + 1 + Math.floor(random() * (random() < 0.1 ? 400 : 12)));
      return { labelId: random() < 0.8 ? 'number' : 'claim', start, end };
    });
    const overlapped = (s: { start: number; end: number }) =>
      annotations.some((a) => a.labelId === 'number' && a.start < s.end && a.end > s.start);
    const left = suggest(input({ text, annotations, isEnabled: (_, rule) => rule === 'numbers' }));
    expect(left.map((s) => s.id)).toEqual(all.filter((s) => !overlapped(s)).map((s) => s.id));
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(all.length);
  });

  it('leaves out a rule family the project switched off for a label', () => {
    const found = suggest(
      input({ isEnabled: (labelId, rule) => !(labelId === 'claim' && rule === 'claims') }),
    );
    expect(found.map((s) => s.labelId)).toEqual(['number']);
  });
});
