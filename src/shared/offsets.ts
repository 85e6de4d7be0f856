/**
 * The offset convention of Spanlight, in one place.
 *
 * Every offset the app stores, sends over IPC or exports is a count of Unicode code points from the start
 * of the document text, `end` exclusive: exactly a Python string index, and exactly what SQLite's `substr()`
 * counts. JavaScript strings are indexed in UTF-16 code units, which differ from code points after any
 * character outside the Basic Multilingual Plane (emoji, flags, some CJK). Code that touches a JS string
 * index (the DOM selection, `String.prototype.slice`) converts through an {@link OffsetIndex} at that edge
 * and nowhere else.
 */
import { partitionPoint } from './partitionPoint';

/** A half-open range `[start, end)` in code points. */
export interface CodePointRange {
  start: number;
  end: number;
}

/** A high surrogate followed by a low one: a character beyond the BMP (lone halves are one character each). */
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Converts between code point offsets and UTF-16 offsets of one text in O(log n), after an O(n) scan that
 * records where the surrogate pairs are. A text with none (most news text) converts at no cost.
 */
export class OffsetIndex {
  /** UTF-16 offsets of the high surrogate of each well-formed surrogate pair, ascending. */
  private readonly pairStarts: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(readonly text: string) {
    // A regular expression finds the pairs about three times faster than a loop over charCodeAt (an export
    // builds an index per document).
    for (const pair of text.matchAll(SURROGATE_PAIR)) this.pairStarts.push(pair.index);
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairStarts.length;
  }

  /** Number of surrogate pairs that start before UTF-16 offset `u16`. */
  private pairsBefore(u16: number): number {
    return partitionPoint(this.pairStarts.length, (k) => this.pairStarts[k]! < u16);
  }

  /**
   * UTF-16 offset -> code point offset. An offset that falls between the two halves of a pair is moved
   * back to the start of that character, so a selection can never cut an emoji in two.
   */
  toCodePoint(u16: number): number {
    this.assertInRange(u16, this.utf16Length, 'UTF-16');
    const before = this.pairsBefore(u16);
    return u16 - before;
  }

  /** Code point offset -> UTF-16 offset. */
  toUtf16(cp: number): number {
    this.assertInRange(cp, this.codePointLength, 'code point');
    // The k-th pair starts at UTF-16 offset pairStarts[k], i.e. code point pairStarts[k] - k. Find how many
    // pairs start before code point `cp`; each adds one extra UTF-16 unit.
    return cp + partitionPoint(this.pairStarts.length, (k) => this.pairStarts[k]! - k < cp);
  }

  /** The text of a code point range. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  private assertInRange(offset: number, length: number, unit: string): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > length) {
      throw new RangeError(`${unit} offset ${offset} is outside the text (length ${length})`);
    }
  }
}

/** Length of a string in code points (Python's `len`). */
export function codePointLength(text: string): number {
  return new OffsetIndex(text).codePointLength;
}

/** `text[start:end]` as Python would slice it. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new OffsetIndex(text).slice(start, end);
}

/** What is wrong with a span's offsets on a text; each core interface words it (`checkSpanBounds` in English). */
export type SpanBoundsProblem = 'notIntegers' | 'negative' | 'pastEnd' | 'notBefore';

/**
 * Why a span cannot stand on a text, or null when it can: offsets are integers, inside the text,
 * and `start < end` (an empty span annotates nothing).
 */
export function spanBoundsProblem(span: CodePointRange, codePointLength: number): SpanBoundsProblem | null {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return 'notIntegers';
  if (span.start < 0) return 'negative';
  if (span.end > codePointLength) return 'pastEnd';
  if (span.start >= span.end) return 'notBefore';
  return null;
}

/** `spanBoundsProblem` in English. */
export function checkSpanBounds(span: CodePointRange, codePointLength: number): string | null {
  switch (spanBoundsProblem(span, codePointLength)) {
    case 'notIntegers':
      return 'offsets must be integers';
    case 'negative':
      return `start ${span.start} is negative`;
    case 'pastEnd':
      return `end ${span.end} is past the end of the text (${codePointLength} code points)`;
    case 'notBefore':
      return `start ${span.start} is not before end ${span.end}`;
    case null:
      return null;
  }
}

/** The values a message about a span's offsets names (offsets as written, not as numbers to format). */
export function spanBoundsParams(
  span: CodePointRange,
  codePointLength: number,
): { start: string; end: string; length: string } {
  return { start: String(span.start), end: String(span.end), length: String(codePointLength) };
}
