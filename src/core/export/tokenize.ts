/**
 * A small rule-based tokenizer and sentence splitter for English and Arabic news text, for the token formats
 * (CoNLL, spaCy). Deterministic and dependency-free, so a token boundary never depends on the ICU version.
 *
 * Tokens, in order of preference:
 * - an emoji: a flag (two regional indicators) or a pictograph with its modifiers, keycaps, tags and ZWJ joins;
 * - a word: letters, combining marks (harakat, NFD accents), digits (Latin and Arabic-Indic), tatweel, the
 *   joining format characters (ZWNJ, ZWJ, soft hyphen, word joiner), joined inside by apostrophes and
 *   hyphens, and by a decimal or thousands separator between digits (`3.5`, `1,000`, `٣٫٥`);
 * - any other format character (bidi marks, embeddings and isolates, BOM): a token of its own, so `⁦120⁩`
 *   is three tokens and a span on the number lines up with one;
 * - any other single character that is not white space: Latin and Arabic punctuation (، ؛ ؟ « » …) each
 *   stand alone.
 * Sentences end at a line break, and after `.`, `!`, `?`, `؟`, `۔` or `…` (and the closing quotes or
 * brackets right after it) when white space follows.
 *
 * Offsets are code points, end exclusive, like everything Spanlight exports.
 */
import { OffsetIndex } from '@shared/offsets';
import { Scanner } from './tokenScanner';
import { partitionPoint } from '@shared/partitionPoint';

export interface Token {
  start: number;
  end: number;
  text: string;
}

const SENTENCE_END = new Set(['.', '!', '?', '؟', '۔', '…']);
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '›']);
const LINE_BREAK = 0x0a;

/** The text's tokens, grouped into sentences. */
export function tokenize(text: string, index = new OffsetIndex(text)): Token[][] {
  const scanner = new Scanner(text);
  const sentences: Token[][] = [];
  let sentence: Token[] = [];
  let gap = false;
  let lineBreak = false;
  let endPending = false;
  // Most texts have no character beyond the BMP: their UTF-16 offsets are their code point offsets.
  const toCodePoint =
    index.codePointLength === index.utf16Length
      ? (u16: number) => u16
      : (u16: number) => index.toCodePoint(u16);
  for (let at = 0; at < text.length;) {
    const end = scanner.tokenEnd(at);
    if (end === -1) {
      gap = true;
      lineBreak ||= text.charCodeAt(at) === LINE_BREAK;
      at = scanner.next(at);
      continue;
    }
    const word = text.slice(at, end);
    if ((lineBreak || (endPending && gap)) && sentence.length > 0) {
      sentences.push(sentence);
      sentence = [];
    }
    // Every mark of these sets is one character: a longer token needs no hash of its text.
    const single = word.length === 1;
    if (gap || !(single && CLOSING.has(word))) endPending = false;
    if (single && SENTENCE_END.has(word)) endPending = true;
    sentence.push({ start: toCodePoint(at), end: toCodePoint(end), text: word });
    gap = lineBreak = false;
    at = end;
  }
  if (sentence.length > 0) sentences.push(sentence);
  return sentences;
}

/** The tokens of all sentences in one array (a loop: Array.prototype.flat is slow in V8 on long arrays). */
export function allTokens(sentences: Token[][]): Token[] {
  const tokens: Token[] = [];
  for (const sentence of sentences) for (const token of sentence) tokens.push(token);
  return tokens;
}

/**
 * The tokens a span covers (every token it overlaps), as [first, last] indices into `tokens`, or null when it
 * covers none (a span of white space). `exact` tells whether the span starts and ends on token boundaries.
 */
export function tokenRange(
  tokens: Token[],
  start: number,
  end: number,
): { first: number; last: number; exact: boolean } | null {
  const lo = partitionPoint(tokens.length, (i) => tokens[i]!.end <= start);
  let last = lo - 1;
  for (let i = lo; i < tokens.length && tokens[i]!.start < end; i++) last = i;
  if (last < lo) return null;
  return { first: lo, last, exact: tokens[lo]!.start === start && tokens[last]!.end === end };
}
