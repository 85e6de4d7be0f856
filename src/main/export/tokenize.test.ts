import { describe, expect, it } from 'vitest';
import { codePointSlice } from '../testing/fixtures';
import { tokenRange, tokenize } from './tokenize';

const words = (text: string) => tokenize(text).map((sentence) => sentence.map((t) => t.text));

describe('tokenize', () => {
  it('splits Arabic punctuation off and keeps Arabic words whole with harakat, tatweel and ZWNJ', () => {
    expect(words('قال «المُقَاتِلٌ» إنّ الـــهجوم، فشل؟ می\u200Cخواهم ٣٫٥؛')).toEqual([
      ['قال', '«', 'المُقَاتِلٌ', '»', 'إنّ', 'الـــهجوم', '،', 'فشل', '؟'],
      ['می\u200Cخواهم', '٣٫٥', '؛'],
    ]);
  });

  it('keeps emoji sequences and flags whole, numbers with separators, words with apostrophes and hyphens', () => {
    expect(words("Don't 3.5 1,000 al-Assad 👨‍👩‍👧 👍🏽 🇸🇾 end.")).toEqual([
      ["Don't", '3.5', '1,000', 'al-Assad', '👨‍👩‍👧', '👍🏽', '🇸🇾', 'end', '.'],
    ]);
  });

  it('ends sentences at line breaks and after terminal punctuation (and its closing quote) followed by space', () => {
    expect(words('He said "no." Then left!\nوقال: لا؟ نعم')).toEqual([
      ['He', 'said', '"', 'no', '.', '"'],
      ['Then', 'left', '!'],
      ['وقال', ':', 'لا', '؟'],
      ['نعم'],
    ]);
  });

  it('gives code point offsets: text[start:end] is the token', () => {
    const text = '😀 x 🇸🇾\tCafe\u0301 \u202Bعربي\u202C';
    for (const token of tokenize(text).flat()) expect(codePointSlice(text, token.start, token.end)).toBe(token.text);
  });

  it('tokenRange finds the tokens a span overlaps, and whether it is aligned', () => {
    const tokens = tokenize('one two three').flat();
    expect(tokenRange(tokens, 4, 7)).toEqual({ first: 1, last: 1, exact: true });
    expect(tokenRange(tokens, 5, 9)).toEqual({ first: 1, last: 2, exact: false });
    expect(tokenRange(tokens, 3, 4)).toBeNull();
  });
});
