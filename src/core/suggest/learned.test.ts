import { describe, expect, it } from 'vitest';
import { findLearned, learnedKey } from './learned';

describe('suggestions learned from tagged texts', () => {
  it('finds the same text elsewhere as whole words, with the label it was tagged with', () => {
    const text = 'The Syrian National Army sent fighters. Later the syrian national army denied it.';
    const found = findLearned(text, [{ label: 'claim', text: 'Syrian National Army' }]);
    expect(found.map((m) => [m.text, m.label])).toEqual([
      ['Syrian National Army', 'claim'],
      ['syrian national army', 'claim'],
    ]);
  });

  it('matches Arabic regardless of harakat and tatweel, keeping the original text and code point offsets', () => {
    const text = '🇸🇾 قُتِلَ مقاتلٌ، ثم قتل آخر';
    const found = findLearned(text, [{ label: 'claim', text: 'قتل' }]);
    expect(found.map((m) => m.text)).toEqual(['قُتِلَ', 'قتل']);
    expect([...text].slice(found[0]!.start, found[0]!.end).join('')).toBe('قُتِلَ');
  });

  it('never matches inside a word', () => {
    expect(
      findLearned('In 1972, 72 were killed; مقاتل', [
        { label: 'number', text: '72' },
        { label: 'x', text: 'قتل' },
      ]).map((m) => m.start),
    ).toEqual([9]);
  });

  it('leaves out texts rejected for that label, and not for others', () => {
    const rejected = new Set([`number\u0000${learnedKey('ONE')}`]);
    const found = findLearned(
      'one and one',
      [
        { label: 'number', text: 'one' },
        { label: 'claim', text: 'one' },
      ],
      (label, key) => rejected.has(`${label}\u0000${key}`),
    );
    expect(found.every((m) => m.label === 'claim')).toBe(true);
    expect(found).toHaveLength(2);
  });
});
