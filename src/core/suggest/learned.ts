/**
 * Suggestions learned from what the annotators tagged (INCEpTION's string matcher, in spirit): once a text
 * is tagged with a label anywhere in the project, each other place the same text stands as a whole word
 * run is suggested with that label. Matching ignores Arabic harakat and tatweel and Latin case, the way a
 * reader does; a text rejected for that label is not offered again.
 */
import { OffsetIndex } from '@shared/offsets';
import { foldForSearch, foldWithOrigins } from '@shared/searchFold';

export interface TaggedText {
  label: string;
  text: string;
}

export interface LearnedMatch {
  label: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** Texts shorter than this (after folding) match too much to be worth offering. */
const MIN_FOLDED_LENGTH = 2;
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;
/** Words of folded text (folding has removed marks and tatweel), and a key's first word. */
const WORDS = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const FIRST_WORD = /^(?:[\p{L}\p{N}]+|[^\s\p{L}\p{N}])/u;

/** The key a tagged or rejected text is remembered by: its search folding, spaces collapsed. */
export function learnedKey(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}

/**
 * Every place in `text` where one of `tagged` stands as whole words, with its label. `skip(label, key)`
 * leaves out texts the user rejected for that label.
 */
export function findLearned(
  text: string,
  tagged: Iterable<TaggedText>,
  skip: (label: string, key: string) => boolean = () => false,
): LearnedMatch[] {
  // Keys by their first word, so the text is walked once whatever the number of tagged texts.
  const byFirstWord = new Map<string, Array<{ label: string; key: string }>>();
  const seen = new Set<string>();
  for (const { label, text: taggedText } of tagged) {
    const key = learnedKey(taggedText);
    const id = `${label}\u0000${key}`;
    if (key.length < MIN_FOLDED_LENGTH || seen.has(id) || skip(label, key)) continue;
    seen.add(id);
    const first = FIRST_WORD.exec(key)?.[0] ?? key;
    const list = byFirstWord.get(first) ?? [];
    list.push({ label, key });
    byFirstWord.set(first, list);
  }
  if (byFirstWord.size === 0) return [];
  const { folded, origin } = foldWithOrigins(text);
  const index = new OffsetIndex(text);
  const out: LearnedMatch[] = [];
  for (const word of folded.matchAll(WORDS)) {
    for (const { label, key } of byFirstWord.get(word[0]) ?? []) {
      const at = word.index;
      if (!folded.startsWith(key, at)) continue;
      const from = origin[at]!;
      const to = at + key.length < origin.length ? origin[at + key.length]! : text.length;
      // Whole words only: "72" must not match inside "1972", nor قتل inside مقاتل.
      if (WORD_CHAR.test(text[from - 1] ?? '') || WORD_CHAR.test(text[to] ?? '')) continue;
      out.push({
        label,
        start: index.toCodePoint(from),
        end: index.toCodePoint(to),
        text: text.slice(from, to),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
