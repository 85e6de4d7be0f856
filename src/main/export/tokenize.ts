/**
 * A small rule-based tokenizer and sentence splitter for English and Arabic news text, for the token formats
 * (CoNLL, spaCy). Deterministic and dependency-free, so a token boundary never depends on the ICU version.
 *
 * Tokens, in order of preference:
 * - an emoji: a flag (two regional indicators) or a pictograph with its modifiers, keycaps and ZWJ joins;
 * - a word: letters, combining marks (harakat, NFD accents), digits (Latin and Arabic-Indic), tatweel,
 *   format characters (ZWJ, ZWNJ, bidi controls), joined inside by apostrophes and hyphens, and by a
 *   decimal or thousands separator between digits (`3.5`, `1,000`, `٣٫٥`);
 * - any other single character that is not white space: Latin and Arabic punctuation (، ؛ ؟ « » …) each
 *   stand alone.
 * Sentences end at a line break, and after `.`, `!`, `?`, `؟`, `۔` or `…` (and the closing quotes or
 * brackets right after it) when white space follows.
 *
 * Offsets are code points, end exclusive, like everything Spanlight exports.
 */
import { OffsetIndex } from '@shared/offsets';

export interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}\p{Cf}_]`;
const EMOJI = String.raw`\p{RI}\p{RI}|\p{Extended_Pictographic}(?:\p{EMod}|\p{M})*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\p{M})*)*`;
const WORD = String.raw`${WORD_CHAR}+(?:(?:['’\-]|(?<=\p{N})[.,٫٬](?=\p{N}))${WORD_CHAR}+)*`;
const TOKEN = new RegExp(`${EMOJI}|${WORD}|\\S`, 'gu');

const SENTENCE_END = new Set(['.', '!', '?', '؟', '۔', '…']);
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '›']);

/** The text's tokens, grouped into sentences. */
export function tokenize(text: string, index = new OffsetIndex(text)): Token[][] {
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  let previousEnd = 0;
  let endPending = false;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index;
    const gap = text.slice(previousEnd, at);
    const breaks = gap.includes('\n') || (endPending && gap.length > 0);
    if (breaks && sentence.length > 0) {
      sentences.push(sentence);
      sentence = [];
    }
    const word = match[0];
    if (gap.length > 0 || !CLOSING.has(word)) endPending = false;
    if (SENTENCE_END.has(word)) endPending = true;
    sentence.push({ start: index.toCodePoint(at), end: index.toCodePoint(at + word.length), text: word });
    previousEnd = at + word.length;
  }
  if (sentence.length > 0) sentences.push(sentence);
  return sentences;
}

/**
 * The tokens a span covers (every token it overlaps), as [first, last] indices into `tokens`, or null when it
 * covers none (a span of white space). `exact` tells whether the span starts and ends on token boundaries.
 */
export function tokenRange(tokens: Token[], start: number, end: number): { first: number; last: number; exact: boolean } | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) last = i;
  if (last < lo) return null;
  return { first: lo, last, exact: tokens[lo]!.start === start && tokens[last]!.end === end };
}
