// Kept free of Node imports: src/shared is also compiled for the renderer (tsconfig.web.json).
import { describe, expect, it } from 'vitest';
import { OffsetIndex, checkSpanBounds, codePointLength, sliceCodePoints } from './offsets';

/**
 * The oracle for every test here: `Array.from` iterates a string by code points, the unit Python's `str`
 * indexes by and the unit Spanlight's offsets count.
 */
const codePoints = (text: string) => Array.from(text);

/** Emoji, a flag, a ZWJ family, Arabic with harakat and a tatweel, CJK and math digits on three lines. */
const MIXED_TEXT = 'News 😀: 🇸🇾 talks, 👨‍👩‍👧.\nقال المُقَاتِلٌ إنّ الـــهجوم فشل 😀\n数字 𝟙𝟚𝟛 end 👍🏽';

const SAMPLES: Record<string, string> = {
  empty: '',
  ascii: 'Plain ASCII, nothing special.',
  emoji: 'a😀b😀😀c',
  flag: 'Syria 🇸🇾 flag',
  zwjFamily: 'family 👨‍👩‍👧 here',
  arabicWithHarakat: 'مُقَاتِلٌ',
  tatweel: 'الـــهجوم',
  startsWithEmoji: '😀 first',
  endsWithEmoji: 'last 😀',
  onlyAstral: '𝟙𝟚𝟛😀',
  mixed: MIXED_TEXT,
};

describe('codePointLength', () => {
  it.each(Object.entries(SAMPLES))('counts %s like Array.from', (_name, text) => {
    expect(codePointLength(text)).toBe(codePoints(text).length);
  });

  it('counts characters of several code points as several', () => {
    // A flag is two regional indicators; the ZWJ family is man, ZWJ, woman, ZWJ, girl.
    expect(codePointLength('🇸🇾')).toBe(2);
    expect(codePointLength('👨‍👩‍👧')).toBe(5);
    // Arabic letters and each haraka are one code point each, all inside the BMP.
    expect(codePointLength('مُقَاتِلٌ')).toBe('مُقَاتِلٌ'.length);
    expect(codePointLength('مُقَاتِلٌ')).toBe(9);
    expect(codePointLength('ـ')).toBe(1);
  });

  it('counts a lone surrogate as one code point, as Array.from does', () => {
    const broken = 'a\ud83db\ude00c';
    expect(codePointLength(broken)).toBe(codePoints(broken).length);
    expect(codePointLength(broken)).toBe(5);
  });
});

describe('OffsetIndex', () => {
  it.each(Object.entries(SAMPLES))('round-trips every code point offset of %s', (_name, text) => {
    const index = new OffsetIndex(text);
    const cps = codePoints(text);
    expect(index.codePointLength).toBe(cps.length);
    expect(index.utf16Length).toBe(text.length);
    for (let cp = 0; cp <= cps.length; cp++) {
      // The UTF-16 offset of code point `cp` is the UTF-16 length of the code points before it.
      const expectedUtf16 = cps.slice(0, cp).join('').length;
      expect(index.toUtf16(cp)).toBe(expectedUtf16);
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
    }
  });

  it.each(Object.entries(SAMPLES))('slices %s exactly like Array.from for every range', (_name, text) => {
    const index = new OffsetIndex(text);
    const cps = codePoints(text);
    for (let start = 0; start <= cps.length; start++) {
      for (let end = start; end <= cps.length; end++) {
        expect(index.slice(start, end)).toBe(cps.slice(start, end).join(''));
      }
    }
  });

  it('maps every UTF-16 offset to the code point it starts or falls inside', () => {
    const index = new OffsetIndex(MIXED_TEXT);
    const cps = codePoints(MIXED_TEXT);
    // For each code point, every UTF-16 unit it covers maps back to its start.
    let u16 = 0;
    cps.forEach((char, cp) => {
      for (let k = 0; k < char.length; k++) expect(index.toCodePoint(u16 + k)).toBe(cp);
      u16 += char.length;
    });
    expect(index.toCodePoint(MIXED_TEXT.length)).toBe(cps.length);
  });

  it('moves an offset between the halves of a surrogate pair back to the start of the character', () => {
    const text = 'a😀b';
    const index = new OffsetIndex(text);
    // UTF-16: a=0, high surrogate=1, low surrogate=2, b=3.
    expect(index.toCodePoint(1)).toBe(1);
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
    // So a selection ending mid-emoji never takes half of it.
    expect(index.slice(0, index.toCodePoint(2))).toBe('a');
  });

  it('does the same inside each emoji of a flag and a ZWJ sequence', () => {
    const text = '🇸🇾👨‍👩‍👧';
    const index = new OffsetIndex(text);
    // 🇸 [0,2) 🇾 [2,4) 👨 [4,6) ZWJ 6 👩 [7,9) ZWJ 9 👧 [10,12)
    expect([1, 3, 5, 8, 11].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 4, 6]);
    expect(index.toUtf16(7)).toBe(12);
  });

  it('treats a lone surrogate as a character of its own', () => {
    const text = '\ude00x\ud83d';
    const index = new OffsetIndex(text);
    expect(index.codePointLength).toBe(3);
    expect(index.slice(1, 2)).toBe('x');
    expect(index.toUtf16(3)).toBe(3);
  });

  it.each([
    ['negative', -1],
    ['past the end', 4],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
  ])('throws a RangeError for a %s code point offset', (_name, offset) => {
    const index = new OffsetIndex('a😀b'); // 3 code points
    expect(() => index.toUtf16(offset)).toThrow(RangeError);
    expect(() => index.slice(0, offset)).toThrow(RangeError);
  });

  it('throws a RangeError for UTF-16 offsets outside the text', () => {
    const index = new OffsetIndex('a😀b'); // 4 UTF-16 units
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
    expect(() => index.toCodePoint(5)).toThrow(/UTF-16 offset 5 is outside the text \(length 4\)/);
    expect(index.toCodePoint(4)).toBe(3);
    // A code point offset valid as UTF-16 (4) is past the end in code points (3).
    expect(() => index.toUtf16(4)).toThrow(/code point offset 4 is outside the text \(length 3\)/);
  });
});

describe('sliceCodePoints', () => {
  it('is Python slicing by code points', () => {
    expect(sliceCodePoints('a😀b', 1, 2)).toBe('😀');
    expect(sliceCodePoints('a😀b', 2, 3)).toBe('b');
    expect(sliceCodePoints('🇸🇾', 0, 1)).toBe('🇸');
    expect(sliceCodePoints('مُقَاتِلٌ', 0, 2)).toBe('مُ');
    expect(sliceCodePoints('الـــهجوم', 2, 5)).toBe('ـــ');
  });

  it('agrees with Array.from on every line of the mixed text', () => {
    const cps = codePoints(MIXED_TEXT);
    let start = 0;
    for (const line of MIXED_TEXT.split('\n')) {
      const end = start + codePoints(line).length;
      expect(sliceCodePoints(MIXED_TEXT, start, end)).toBe(line);
      expect(cps.slice(start, end).join('')).toBe(line);
      start = end + 1; // the newline
    }
  });

  it('throws a RangeError out of range', () => {
    expect(() => sliceCodePoints('abc', 0, 4)).toThrow(RangeError);
    expect(() => sliceCodePoints('😀', 0, 2)).toThrow(RangeError);
  });
});

describe('checkSpanBounds', () => {
  it('accepts a span inside the text', () => {
    expect(checkSpanBounds({ start: 0, end: 1 }, 1)).toBeNull();
    expect(checkSpanBounds({ start: 2, end: 10 }, 10)).toBeNull();
  });

  it.each([
    [{ start: 0.5, end: 2 }, 'offsets must be integers'],
    [{ start: 0, end: Number.NaN }, 'offsets must be integers'],
    [{ start: -1, end: 2 }, 'start -1 is negative'],
    [{ start: 0, end: 11 }, 'end 11 is past the end of the text (10 code points)'],
    [{ start: 3, end: 3 }, 'start 3 is not before end 3'],
    [{ start: 5, end: 2 }, 'start 5 is not before end 2'],
  ])('refuses %j with a reason', (span, reason) => {
    expect(checkSpanBounds(span, 10)).toBe(reason);
  });

  it('measures the end against code points, not UTF-16 units', () => {
    const text = '😀😀'; // 2 code points, 4 UTF-16 units
    expect(checkSpanBounds({ start: 0, end: 2 }, codePointLength(text))).toBeNull();
    expect(checkSpanBounds({ start: 0, end: 3 }, codePointLength(text))).toMatch(/past the end/);
  });
});
