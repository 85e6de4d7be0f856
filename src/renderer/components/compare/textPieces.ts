/**
 * The comparison screen draws the text once and each annotator's spans in lanes under it, paragraph by
 * paragraph: here the text is cut into paragraphs and into pieces at every range boundary, offsets in code
 * points (converted to string indices only to slice).
 */
import { OffsetIndex } from '@shared/offsets';

export interface Range {
  start: number;
  end: number;
}

export interface Piece<R extends Range> {
  start: number;
  end: number;
  text: string;
  /** The ranges that cover the whole piece. */
  covering: R[];
}

/** The text's paragraphs (split at line breaks, which stay with the paragraph before). */
export function paragraphsOf(index: OffsetIndex): Range[] {
  const paragraphs: Range[] = [];
  let start = 0;
  let cp = 0;
  for (const char of index.text) {
    cp++;
    if (char === '\n') {
      paragraphs.push({ start, end: cp });
      start = cp;
    }
  }
  if (start < index.codePointLength || paragraphs.length === 0)
    paragraphs.push({ start, end: index.codePointLength });
  return paragraphs;
}

/** `[from, to)` cut at every boundary of `ranges` inside it; each piece with the ranges that cover it. */
export function piecesOf<R extends Range>(
  index: OffsetIndex,
  from: number,
  to: number,
  ranges: readonly R[],
) {
  const inside = ranges.filter((r) => r.start < to && r.end > from);
  const cuts = new Set([from, to]);
  for (const r of inside) {
    if (r.start > from) cuts.add(r.start);
    if (r.end < to) cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Array<Piece<R>> = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k]!;
    const end = points[k + 1]!;
    const covering = inside.filter((r) => r.start <= start && r.end >= end);
    pieces.push({ start, end, text: index.slice(start, end), covering });
  }
  return pieces;
}
