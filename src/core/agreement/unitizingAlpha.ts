/**
 * Krippendorff's unitizing alpha (uα; Krippendorff 2004, "Measuring the reliability of qualitative text
 * analysis data", the coefficient DKPro Statistics implements and INCEpTION reports) for one label.
 *
 * The counted documents are laid end to end as one continuum of code points (a gap ends at a document's end:
 * no unit can cross from one document into the next). For each annotator, their spans
 * of the label (overlapping ones merged: uα wants a partition) cut the continuum into units and the gaps
 * between them. Observed disagreement sums, over every pair of annotators and every pair of their segments
 * that intersect, a distance: two units, the squared differences of their starts and of their ends; a unit
 * lying wholly inside the other's gap, its length squared; otherwise nothing. Expected disagreement is what
 * the same units and gaps would give placed at random. uα = 1 − D_o / D_e; null when D_e is 0 (no unit, or
 * nothing could disagree).
 */

export interface Segment {
  start: number;
  end: number;
  unit: boolean;
}

/** One annotator's units (merged) and gaps over [0, length), in order. */
export function segmentsOf(spans: ReadonlyArray<{ start: number; end: number }>, length: number): Segment[] {
  const sorted = spans
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(length, end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Segment[] = [];
  let at = 0;
  for (const span of sorted) {
    const last = out.at(-1);
    if (last?.unit && span.start < last.end) {
      last.end = Math.max(last.end, span.end); // overlapping spans of one annotator: one unit
      at = last.end;
      continue;
    }
    if (span.start > at) out.push({ start: at, end: span.start, unit: false });
    out.push({ start: span.start, end: span.end, unit: true });
    at = span.end;
  }
  if (at < length) out.push({ start: at, end: length, unit: false });
  return out;
}

/** The distance between two intersecting segments of two annotators. */
export function segmentDistance(a: Segment, b: Segment): number {
  if (a.unit && b.unit) return (a.start - b.start) ** 2 + (a.end - b.end) ** 2;
  if (a.unit && a.start >= b.start && a.end <= b.end) return (a.end - a.start) ** 2;
  if (b.unit && b.start >= a.start && b.end <= a.end) return (b.end - b.start) ** 2;
  return 0;
}

export interface UnitizingParts {
  observed: number;
  expected: number;
  alpha: number | null;
}

/** One document's segments, one list per annotator, offsets from the document's start. */
export interface UnitizedDocument {
  length: number;
  annotators: ReadonlyArray<readonly Segment[]>;
}

/**
 * uα of one label over documents laid end to end. The distances do not change when a document is shifted
 * along the continuum, so each document is walked on its own offsets.
 */
export function unitizingAlpha(documents: Iterable<UnitizedDocument>): UnitizingParts {
  let raters = 0;
  let length = 0;
  let observedSum = 0;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const document of documents) {
    raters = document.annotators.length;
    length += document.length;
    for (let r1 = 0; r1 < raters; r1++)
      for (let r2 = r1 + 1; r2 < raters; r2++) {
        const first = document.annotators[r1]!;
        const second = document.annotators[r2]!;
        let i = 0;
        let j = 0;
        // Both partitions cover the document: walk them together, visiting every intersecting pair once.
        while (i < first.length && j < second.length) {
          observedSum += segmentDistance(first[i]!, second[j]!);
          if (first[i]!.end <= second[j]!.end) i++;
          else j++;
        }
      }
    for (const segments of document.annotators)
      for (const s of segments) (s.unit ? units : gaps).push(s.end - s.start);
  }
  if (raters < 2 || length === 0) return { observed: 0, expected: 0, alpha: null };
  const observed = (2 * observedSum) / (raters * (raters - 1) * length * length);

  if (units.length === 0) return { observed, expected: 0, alpha: null };
  // Σ over gaps g ≥ l of (g − l + 1), for each unit length l: gaps sorted ascending with suffix sums.
  gaps.sort((a, b) => a - b);
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;
  const firstAtLeast = (l: number) => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gaps[mid]! < l) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let numerator = 0;
  let squaredLengths = 0;
  for (const l of units) {
    const k = firstAtLeast(l);
    const fitting = suffix[k]! - (l - 1) * (gaps.length - k);
    numerator += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fitting;
    squaredLengths += l * (l - 1);
  }
  const expected = ((2 / length) * numerator) / (raters * length * (raters * length - 1) - squaredLengths);
  return { observed, expected, alpha: expected === 0 ? null : 1 - observed / expected };
}
