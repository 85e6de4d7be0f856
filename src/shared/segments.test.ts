import { describe, expect, it } from 'vitest';
import { snapToGraphemes, snapToWords } from './segments';

describe('snapToWords', () => {
  const arabic = 'قالت المصادر، إن 7 مقاتلين انشقوا؟';
  it('extends a boundary inside an Arabic word to the whole word, leaving punctuation out', () => {
    const start = arabic.indexOf('المصادر') + 2;
    const end = arabic.indexOf('،') - 1;
    const snapped = snapToWords(arabic, start, end);
    expect(arabic.slice(snapped.start, snapped.end)).toBe('المصادر');
  });

  it('keeps a selection already on word edges, and punctuation the user selected', () => {
    const start = arabic.indexOf('انشقوا');
    expect(
      arabic.slice(...(Object.values(snapToWords(arabic, start, arabic.length)) as [number, number])),
    ).toBe('انشقوا؟');
  });

  it('snaps English words and numbers with separators', () => {
    const text = 'about 4,000 fighters';
    const snapped = snapToWords(text, 7, 14);
    expect(text.slice(snapped.start, snapped.end)).toBe('4,000 fighters');
  });
});

describe('snapToGraphemes', () => {
  it('never cuts a letter from its diacritics or an emoji sequence', () => {
    const text = 'مُقَاتِلٌ 👨‍👩‍👧 x';
    // Inside the first letter's diacritics: the boundary moves out to the whole grapheme.
    expect(snapToGraphemes(text, 1, 1)).toEqual({ start: 0, end: 2 });
    const family = text.indexOf('👨');
    const snapped = snapToGraphemes(text, family + 3, family + 4);
    expect(text.slice(snapped.start, snapped.end)).toBe('👨‍👩‍👧');
  });
});
