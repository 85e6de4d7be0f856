// Kept free of Node imports (so not using test/support/fixtures): src/shared is also compiled for the
// renderer (tsconfig.web.json).
import { describe, expect, it } from 'vitest';
import { foldCharacter, foldForSearch, foldWithOrigins } from './searchFold';

/** Code points and UTF-16 units disagree, Arabic carries harakat, shadda and tatweel, Latin carries accents. */
const MIXED_TEXT =
  'Breaking 😀 news: 🇸🇾 talks, 👨‍👩‍👧 families. Café Élysée\n' +
  'قال المُقَاتِلٌ إنّ الـــهجوم فشل 😀 في 3 مواقع، وأكّد مُؤتمرٌ في المدرسةِ.\n' +
  '数字 𝟙𝟚𝟛 and "quoted, text"\nend 👍🏽';

describe('foldForSearch', () => {
  it.each([
    ['harakat and tanween', 'مُقَاتِلٌ', 'مقاتل'],
    ['shadda with a haraka', 'إنَّ', 'ان'],
    ['sukun and tanween fath', 'مَسْجِدًا', 'مسجدا'],
    ['superscript alef (Quranic mark)', 'رحمٰن', 'رحمن'],
    ['tatweel', 'الـــهجوم', 'الهجوم'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إسرائيل', 'اسراييل'],
    ['alef with madda', 'آخرين', 'اخرين'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['alef maqsura', 'مستشفى', 'مستشفي'],
    ['waw with hamza', 'مؤتمر', 'موتمر'],
    ['ya with hamza', 'رئيس', 'رييس'],
    ['English case', 'Syrian FIGHTERS Defect', 'syrian fighters defect'],
    ['Latin accents', 'Café Élysée, naïve façade', 'cafe elysee, naive facade'],
    ['a Latin accent written as a combining mark', 'Cafe\u0301', 'cafe'],
  ])('folds %s', (_name, text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('folds a fully vocalised word and its bare spelling to the same string', () => {
    expect(foldForSearch('مُقَاتِلٌ')).toBe(foldForSearch('مقاتل'));
    expect(foldForSearch('الـــهجوم')).toBe(foldForSearch('الهجوم'));
    expect(foldForSearch('المُقَاتِلِينَ')).toBe(foldForSearch('المقاتلين'));
  });

  it('folds every alef variant to bare alef', () => {
    expect(foldForSearch('أ إ آ ٱ ا')).toBe('ا ا ا ا ا');
  });

  it('folds a hamza written as a combining mark like the precomposed letter', () => {
    // NFD spellings: alef + hamza above, alef + hamza below, waw + hamza above, ya + hamza above.
    expect(foldForSearch('\u0627\u0654\u0627\u0655\u0648\u0654\u064a\u0654')).toBe(foldForSearch('أإؤئ'));
  });

  it('leaves emoji, CJK, digits and punctuation untouched', () => {
    for (const text of ['😀', '👨‍👩‍👧', '🇸🇾', '👍🏽', '❤️', '数字 𝟙𝟚𝟛', '123 ٣٤٥', '"quoted, text" – (afp)!?']) {
      expect(foldForSearch(text), text).toBe(text);
    }
  });

  it('keeps the bare Arabic letters a word is made of', () => {
    // Nothing to fold: the same string comes back.
    expect(foldForSearch('قال مصدر في وزارة الخارجية')).toBe('قال مصدر في وزاره الخارجيه');
    expect(foldForSearch('كاراباخ سوريا')).toBe('كاراباخ سوريا');
  });

  it('is idempotent', () => {
    const once = foldForSearch(MIXED_TEXT);
    expect(foldForSearch(once)).toBe(once);
  });
});

describe('foldWithOrigins', () => {
  it('gives one origin per UTF-16 unit of the folded text', () => {
    const { folded, origin } = foldWithOrigins(MIXED_TEXT);
    expect(folded).toBe(foldForSearch(MIXED_TEXT));
    expect(origin).toHaveLength(folded.length);
  });

  it('points past removed harakat to the letters they sat on', () => {
    // م0 ُ1 ق2 َ3 ا4 ت5 ِ6 ل7 ٌ8
    expect(foldWithOrigins('مُقَاتِلٌ')).toEqual({ folded: 'مقاتل', origin: [0, 2, 4, 5, 7] });
  });

  it('points past removed tatweel', () => {
    // ا0 ل1 ـ2 ـ3 ـ4 ه5 ج6 و7 م8
    expect(foldWithOrigins('الـــهجوم')).toEqual({ folded: 'الهجوم', origin: [0, 1, 5, 6, 7, 8] });
  });

  it('maps both units of a character outside the BMP to its first unit', () => {
    expect(foldWithOrigins('a😀b')).toEqual({ folded: 'a😀b', origin: [0, 1, 1, 3] });
  });

  it('maps a replaced or decomposed letter to the original letter', () => {
    expect(foldWithOrigins('Éa')).toEqual({ folded: 'ea', origin: [0, 1] });
    expect(foldWithOrigins('e\u0301a')).toEqual({ folded: 'ea', origin: [0, 2] });
    expect(foldWithOrigins('مدرسة')).toEqual({ folded: 'مدرسه', origin: [0, 1, 2, 3, 4] });
  });

  it('lets a hit in the folded text be sliced out of the original, marks and tatweel included', () => {
    const { folded, origin } = foldWithOrigins(MIXED_TEXT);
    const originalOf = (foldedWord: string, occurrence = 0) => {
      let at = -1;
      for (let i = 0; i <= occurrence; i++) at = folded.indexOf(foldedWord, at + 1);
      expect(at, foldedWord).toBeGreaterThanOrEqual(0);
      const last = origin[at + foldedWord.length - 1]!;
      // End after the original character of the last folded unit (two units if outside the BMP).
      const end = last + (MIXED_TEXT.codePointAt(last)! > 0xffff ? 2 : 1);
      return MIXED_TEXT.slice(origin[at], end);
    };
    expect(originalOf('الهجوم')).toBe('الـــهجوم');
    expect(originalOf('المقاتل')).toBe('المُقَاتِل');
    expect(originalOf('ان')).toBe('إن');
    expect(originalOf('breaking')).toBe('Breaking');
    expect(originalOf('😀')).toBe('😀');
    expect(originalOf('😀', 1)).toBe('😀');
    expect(originalOf('𝟙𝟚𝟛')).toBe('𝟙𝟚𝟛');
    expect(originalOf('end 👍🏽')).toBe('end 👍🏽');
    expect(originalOf('cafe elysee')).toBe('Café Élysée');
    expect(originalOf('واكد موتمر')).toBe('وأكّد مُؤتمر');
    expect(originalOf('المدرسه')).toBe('المدرسة');
  });

  it('maps every folded unit to a character that folds to it', () => {
    const { folded, origin } = foldWithOrigins(MIXED_TEXT);
    // Origins never go backwards, and the units that share an origin are the folding of that one character.
    for (let k = 1; k < origin.length; k++) expect(origin[k]!).toBeGreaterThanOrEqual(origin[k - 1]!);
    let k = 0;
    while (k < folded.length) {
      const from = origin[k]!;
      let to = k;
      while (to < folded.length && origin[to] === from) to++;
      const original = String.fromCodePoint(MIXED_TEXT.codePointAt(from)!);
      expect(folded.slice(k, to), `at ${from}`).toBe(foldForSearch(original));
      k = to;
    }
    // Every character not removed by folding is the origin of something.
    const kept = new Set(origin);
    let i = 0;
    for (const ch of MIXED_TEXT) {
      expect(kept.has(i), `${JSON.stringify(ch)} at ${i}`).toBe(foldForSearch(ch) !== '');
      i += ch.length;
    }
  });
});

describe('the per-character cache', () => {
  /** The fold as first written: every character through foldCharacter, nothing remembered. */
  function uncached(text: string): { folded: string; origin: number[] } {
    let folded = '';
    const origin: number[] = [];
    let i = 0;
    for (const ch of text) {
      const out = foldCharacter(ch);
      for (let k = 0; k < out.length; k++) origin.push(i);
      folded += out;
      i += ch.length;
    }
    return { folded, origin };
  }

  it('folds every BMP character, lone surrogates included, as the uncached fold does', () => {
    const everyUnit = Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit));
    // Each unit alone, so a high surrogate is not paired with the low one after it.
    expect(everyUnit.map((unit) => foldForSearch(unit))).toEqual(
      everyUnit.map((unit) => uncached(unit).folded),
    );
    // Twice in one string: the second pass reads the cache the first filled, pairs of surrogates included.
    const text = everyUnit.join('');
    expect(foldWithOrigins(text + text)).toEqual(uncached(text + text));
  });

  it('folds varied text, outside the BMP, unpaired surrogates and line ends included, as the uncached fold does', () => {
    const texts = [
      MIXED_TEXT,
      MIXED_TEXT.repeat(3),
      'İstanbul ΣΟΦΊΑ ǅ ﬁ ß Ⅻ Ǆ',
      '\ud83d lone high, lone low \ude00, reversed \ude00\ud83d, at the end \ud83d',
      '𝐀𝐁𝐂 𝔄 🅰 \u{1d400}\u0301 \u{10ffff}',
      '\r\n\t \u0000 \u200f\u200e\u202b',
    ];
    for (const text of texts) expect(foldWithOrigins(text), JSON.stringify(text)).toEqual(uncached(text));
  });
});
