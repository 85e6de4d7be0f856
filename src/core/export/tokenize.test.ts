import { describe, expect, it } from 'vitest';
import { codePointSlice } from '../../../test/support/fixtures';
import { prng, randomTools } from '../../../test/support/random';
import { allTokens, tokenRange, tokenize } from './tokenize';

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

  it('bidi isolates, embeddings and marks are tokens of their own: a number between isolates is a token', () => {
    expect(words('\u2066120\u2069 km, \u202Bعربي\u202C \u200Fmark \u061C٣')).toEqual([
      ['\u2066', '120', '\u2069', 'km', ',', '\u202B', 'عربي', '\u202C', '\u200F', 'mark', '\u061C', '٣'],
    ]);
  });

  it("takes Python's white space for white space too: a CoNLL reader splitting on it finds every token whole", () => {
    expect(words('a\x1cb\x85c\x1fd')).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('keeps joining controls inside a word and the tags of a subdivision flag inside its emoji', () => {
    const england = '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
    expect(words(`می\u200Cخواهم co\u00ADop word\u2060joined ${england}`)).toEqual([
      ['می\u200Cخواهم', 'co\u00ADop', 'word\u2060joined', england],
    ]);
  });

  it('gives code point offsets: text[start:end] is the token', () => {
    const text = '😀 x 🇸🇾\tCafe\u0301 \u202Bعربي\u202C';
    for (const token of tokenize(text).flat())
      expect(codePointSlice(text, token.start, token.end)).toBe(token.text);
  });

  it('tokenRange finds the tokens a span overlaps, and whether it is aligned', () => {
    const tokens = tokenize('one two three').flat();
    expect(tokenRange(tokens, 4, 7)).toEqual({ first: 1, last: 1, exact: true });
    expect(tokenRange(tokens, 5, 9)).toEqual({ first: 1, last: 2, exact: false });
    expect(tokenRange(tokens, 3, 4)).toBeNull();
  });

  it('allTokens lists the tokens of every sentence in order', () => {
    const sentences = tokenize('One two. Three\nfour');
    expect(allTokens(sentences)).toEqual([...sentences[0]!, ...sentences[1]!, ...sentences[2]!]);
  });
});

/**
 * The token rules as one regular expression (what tokenize.ts matched before it scanned a table of character
 * classes, twice as fast): the scanner must cut every text as this does.
 */
const JOINING = String.raw`\u00AD|\u200C|\u200D|\u2060`;
const WORD_CHAR = String.raw`(?:[\p{L}\p{M}\p{N}_]|${JOINING})`;
const CONTROL = String.raw`(?!${JOINING})\p{Cf}`;
const MODIFIERS = String.raw`(?:\p{EMod}|\p{M}|[\u{E0020}-\u{E007F}])*`;
const EMOJI = String.raw`\p{RI}\p{RI}|\p{Extended_Pictographic}${MODIFIERS}(?:\u200D\p{Extended_Pictographic}${MODIFIERS})*`;
const WORD = String.raw`${WORD_CHAR}+(?:(?:['’\-]|(?<=\p{N})[.,٫٬](?=\p{N}))${WORD_CHAR}+)*`;
/** Not white space to JavaScript nor to Python (str.isspace also takes FS, GS, RS, US and NEL). */
const NOT_SPACE = String.raw`[^\s\u001c-\u001f\u0085]`;
const TOKEN = new RegExp(`${EMOJI}|${WORD}|${CONTROL}|${NOT_SPACE}`, 'gu');

/** Tokens, given as [UTF-16 start, UTF-16 end, text], as the tests compare them: with what came before each. */
function described(text: string, tokens: Array<[number, number, string]>) {
  let previousEnd = 0;
  return tokens.map(([at, end, token]) => {
    const gap = text.slice(previousEnd, at);
    previousEnd = end;
    return { at, text: token, gap: gap.includes('\n') ? 'break' : gap.length > 0 ? 'space' : '' };
  });
}

const referenceTokens = (text: string) =>
  described(
    text,
    Array.from(text.matchAll(TOKEN), (match) => [match.index, match.index + match[0].length, match[0]]),
  );

/** The same from tokenize, whose offsets are code points. */
function scannedTokens(text: string) {
  const units = (codePoint: number) => Array.from(text).slice(0, codePoint).join('').length;
  return described(
    text,
    allTokens(tokenize(text)).map((token) => [units(token.start), units(token.end), token.text]),
  );
}

describe('tokenize cuts as the regular expression of its rules', () => {
  // Characters at the edges of every rule: joiners and separators, digits of several scripts (one beyond the
  // BMP), marks, format characters (one that is also white space), pictographs that are letters, flags,
  // skin tones, keycaps, ZWJ, lone surrogates, and white space of several kinds.
  const ALPHABET = [
    'a',
    'Z',
    'é',
    'e\u0301',
    'ب',
    'ـ',
    '\u064E',
    '\u0651',
    '_',
    '1',
    '٣',
    '𝟏',
    '.',
    ',',
    '٫',
    '٬',
    "'",
    '’',
    '-',
    '؟',
    '!',
    '…',
    '"',
    '»',
    ')',
    '\u200C',
    '\u200D',
    '\u202B',
    '\u2066',
    '\u2069',
    '\u200E',
    '\u00AD',
    '\u2060',
    '\uFEFF',
    '🏴',
    '\u{E0067}',
    '\u{E007F}',
    '\u180E',
    '😀',
    '👍',
    '🏽',
    '\uFE0F',
    '\u20E3',
    '#',
    'ℹ',
    '©',
    '🇸',
    '🇾',
    '👨',
    '\uD83D',
    '\uDE00',
    ' ',
    '\t',
    '\n',
    '\u00A0',
    '\u3000',
    '\u2028',
    '\x1c',
    '\x1f',
    '\x85',
  ];

  it('on the texts of the other tests', () => {
    for (const text of [
      "Don't 3.5 1,000 al-Assad 👨‍👩‍👧 👍🏽 🇸🇾 end.",
      'He said "no." Then left!\nوقال: لا؟ نعم',
      '😀 x 🇸🇾\tCafe\u0301 \u202Bعربي\u202C',
    ]) {
      expect(scannedTokens(text)).toEqual(referenceTokens(text));
    }
  });

  it('on 3,000 random strings of characters at the edges of the rules (seed 6)', () => {
    const { int, pick } = randomTools(prng(6));
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: int(1, 24) }, () => pick(ALPHABET)).join('');
      expect(scannedTokens(text), JSON.stringify(text)).toEqual(referenceTokens(text));
    }
  });
});
