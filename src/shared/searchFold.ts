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

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the UTF-16 offset in the original it came from. */
  origin: number[];
}

/** Folds `text`, remembering where each folded character came from, to show hits in the original. */
export function foldWithOrigins(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    if (!REMOVED.test(ch)) {
      const out = (REPLACED[ch] ?? ch).toLowerCase().normalize('NFD').replace(LATIN_MARKS, '');
      for (let k = 0; k < out.length; k++) origin.push(i);
      folded += out;
    }
    i += ch.length;
  }
  return { folded, origin };
}

export function foldForSearch(text: string): string {
  return foldWithOrigins(text).folded;
}
