/**
 * Folding for search: two spellings a reader takes for the same word fold to the same string. Arabic loses
 * its harakat (tashkil), Quranic marks and tatweel, and its letter variants collapse (alef with hamza or
 * madda to bare alef, ta marbuta to ha, alef maqsura to ya, hamza carriers to their base); everything is
 * lowercased, and Latin letters lose their accents (as SQLite's unicode61 tokenizer with remove_diacritics 2
 * does in the index), so a hit found in the index is found again in the folded text.
 */

const REMOVED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/;

const REPLACED: Record<string, string> = {
  '\u0622': '\u0627', // آ -> ا
  '\u0623': '\u0627', // أ -> ا
  '\u0625': '\u0627', // إ -> ا
  '\u0671': '\u0627', // ٱ -> ا
  '\u0629': '\u0647', // ة -> ه
  '\u0649': '\u064a', // ى -> ي
  '\u0624': '\u0648', // ؤ -> و
  '\u0626': '\u064a', // ئ -> ي
};

/** Combining marks that follow a Latin base letter once decomposed (é -> e + U+0301). */
const LATIN_MARKS = /[\u0300-\u036f]/g;

/** The folding of one character (a code point, or a lone surrogate): the definition, uncached. */
export function foldCharacter(ch: string): string {
  if (REMOVED.test(ch)) return '';
  return (REPLACED[ch] ?? ch).toLowerCase().normalize('NFD').replace(LATIN_MARKS, '');
}

/**
 * `foldCharacter` of each UTF-16 unit that is a whole character, filled as met. Folding a character runs two
 * regular expressions, a case mapping and a normalisation; the search index folds every article imported, so
 * each of the (few thousand) characters a corpus uses is folded once. Characters outside the BMP, rare, are
 * folded each time, which keeps this table at 64K entries whatever the text.
 */
const foldedUnits: Array<string | undefined> = new Array(0x10000);

function isSurrogatePair(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** Folds `text` character by character; when `origin` is given, pushes the original offset of each folded unit. */
function fold(text: string, origin: number[] | null): string {
  let folded = '';
  for (let i = 0; i < text.length;) {
    let out: string;
    let width = 1;
    if (isSurrogatePair(text, i)) {
      width = 2;
      out = foldCharacter(text.slice(i, i + 2));
    } else {
      const unit = text.charCodeAt(i);
      out = foldedUnits[unit] ??= foldCharacter(text[i]!);
    }
    if (origin) for (let k = 0; k < out.length; k++) origin.push(i);
    folded += out;
    i += width;
  }
  return folded;
}

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the UTF-16 offset in the original it came from. */
  origin: number[];
}

/** Folds `text`, remembering where each folded character came from, to show hits in the original. */
export function foldWithOrigins(text: string): FoldedText {
  const origin: number[] = [];
  return { folded: fold(text, origin), origin };
}

export function foldForSearch(text: string): string {
  return fold(text, null);
}
