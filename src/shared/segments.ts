/**
 * Selection boundaries that respect the text: never inside a grapheme (a letter with its diacritics, an
 * emoji sequence), and optionally snapped out to whole words, Arabic and Latin alike. Offsets here are
 * UTF-16 within one string (the renderer converts to code points after).
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The segment of `text` containing UTF-16 offset `i` strictly inside it (not at its edges), if any. */
function segmentAround(segmenter: Intl.Segmenter, text: string, i: number, wordsOnly: boolean) {
  if (i <= 0 || i >= text.length) return null;
  const segment = segmenter.segment(text).containing(i);
  if (!segment || segment.index === i || (wordsOnly && !segment.isWordLike)) return null;
  return { start: segment.index, end: segment.index + segment.segment.length };
}

/** A range's start moved back to the start of the grapheme (and, with `wholeWords`, the word) it cuts. */
export function snapStart(text: string, start: number, wholeWords: boolean): number {
  const word = wholeWords ? segmentAround(words, text, start, true) : null;
  const at = word ? word.start : start;
  return segmentAround(graphemes, text, at, false)?.start ?? at;
}

/** A range's end moved forward to the end of the grapheme (and, with `wholeWords`, the word) it cuts. */
export function snapEnd(text: string, end: number, wholeWords: boolean): number {
  const word = wholeWords ? segmentAround(words, text, end, true) : null;
  const at = word ? word.end : end;
  return segmentAround(graphemes, text, at, false)?.end ?? at;
}

/** Moves `start` back and `end` forward to the nearest grapheme boundaries. */
export function snapToGraphemes(text: string, start: number, end: number): { start: number; end: number } {
  return { start: snapStart(text, start, false), end: snapEnd(text, end, false) };
}

/**
 * Extends a range outwards to whole words: a boundary inside a word moves to the word's edge. Punctuation
 * (، ؛ ؟ « » and Latin) is not a word, so it is never pulled in, only kept when selected.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  return { start: snapStart(text, start, true), end: snapEnd(text, end, true) };
}
