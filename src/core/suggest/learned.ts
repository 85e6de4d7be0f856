/**
 * Suggestions learned from what the annotators tagged (INCEpTION's string matcher, in spirit): once a text
 * is tagged with a label anywhere in the project, each other place the same text stands as a whole word
 * run is suggested with that label. Matching ignores Arabic harakat and tatweel and Latin case, the way a
 * reader does; a text rejected for that label is not offered again.
 */
import { OffsetIndex } from '@shared/offsets';
import { foldForSearch, foldWithOrigins } from '@shared/searchFold';

export interface TaggedText {
  labelName: string;
  text: string;
}

export interface LearnedMatch {
  labelName: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** Texts shorter than this (after folding) match too much to be worth offering. */
const MIN_FOLDED_LENGTH = 2;
const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;

/** The key a tagged or rejected text is remembered by: its search folding, spaces collapsed. */
export function learnedKey(text: string): string {
  return foldForSearch(text).replace(/\s+/g, ' ').trim();
}

/**
 * Every place in `text` where one of `tagged` stands as whole words, with its label. `skip(labelName, key)`
 * leaves out texts the user rejected for that label.
 */
export function findLearned(
  text: string,
  tagged: Iterable<TaggedText>,
  skip: (labelName: string, key: string) => boolean = () => false,
): LearnedMatch[] {
  const folded = foldWithOrigins(text);
  const index = new OffsetIndex(text);
  const seen = new Set<string>();
  const out: LearnedMatch[] = [];
  for (const { labelName, text: taggedText } of tagged) {
    const key = learnedKey(taggedText);
    const id = `${labelName}\u0000${key}`;
    if (key.length < MIN_FOLDED_LENGTH || seen.has(id) || skip(labelName, key)) continue;
    seen.add(id);
    for (let at = folded.folded.indexOf(key); at !== -1; at = folded.folded.indexOf(key, at + 1)) {
      const from = folded.origin[at]!;
      const to = at + key.length < folded.origin.length ? folded.origin[at + key.length]! : text.length;
      // Whole words only: "72" must not match inside "1972", nor قتل inside مقاتل.
      if (WORD_CHAR.test(text[from - 1] ?? '') || WORD_CHAR.test(text[to] ?? '')) continue;
      out.push({
        labelName,
        start: index.toCodePoint(from),
        end: index.toCodePoint(to),
        text: text.slice(from, to),
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
