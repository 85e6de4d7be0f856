/**
 * Span-level agreement between two sets of spans of one label (two annotators, or gold and suggestions):
 * exact matching (same start and end) and overlap matching (overlapping spans paired one-to-one, the pairs
 * with the largest overlap first). Precision is over `b`, recall over `a`: with `a` the reference they read
 * as usual, and for two annotators F1 is symmetric. Matching is done a document at a time (exactCounts,
 * overlapCount), which the agreement report calls directly on each document's spans.
 */

export interface Span {
  /** The document the span is in: spans of different documents never match. */
  documentId: string;
  start: number;
  end: number;
}

export interface MatchScores {
  matched: number;
  /** matched / |b|, null when b is empty. */
  precision: number | null;
  /** matched / |a|, null when a is empty. */
  recall: number | null;
  /** 2·matched / (|a| + |b|), null when both are empty. */
  f1: number | null;
}

/** Where a span is in its document. */
export interface Extent {
  start: number;
  end: number;
}

export function scores(matched: number, a: number, b: number): MatchScores {
  return {
    matched,
    precision: b === 0 ? null : matched / b,
    recall: a === 0 ? null : matched / a,
    f1: a + b === 0 ? null : (2 * matched) / (a + b),
  };
}

/** An extent as one number: offsets are below 2^26 (LIMITS.maxOffset), so start·2^26 + end is exact. */
const extentKey = (s: Extent) => s.start * 0x4000000 + s.end;

/** Exact matching within one document: the distinct extents of each side, and how many both have. */
export function exactCounts(
  a: readonly Extent[],
  b: readonly Extent[],
): { matched: number; left: number; right: number } {
  const left = new Set<number>();
  for (const span of a) left.add(extentKey(span));
  const right = new Set<number>();
  let matched = 0;
  for (const span of b) {
    const key = extentKey(span);
    if (right.has(key)) continue;
    right.add(key);
    if (left.has(key)) matched++;
  }
  return { matched, left: left.size, right: right.size };
}

/**
 * Overlap matching within one document: every overlapping pair is a candidate, taken greedily by largest
 * overlap (ties: the earlier start of a, then of b), each span in at most one pair. How many pairs.
 */
export function overlapCount(left: readonly Extent[], others: readonly Extent[]): number {
  if (left.length === 0 || others.length === 0) return 0;
  const sortedOthers = [...others].sort((x, y) => x.start - y.start);
  const pairs: Array<{ i: number; j: number; overlap: number }> = [];
  left.forEach((x, i) => {
    for (let j = 0; j < sortedOthers.length; j++) {
      const y = sortedOthers[j]!;
      if (y.start >= x.end) break;
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (overlap > 0) pairs.push({ i, j, overlap });
    }
  });
  pairs.sort(
    (p, q) =>
      q.overlap - p.overlap ||
      left[p.i]!.start - left[q.i]!.start ||
      sortedOthers[p.j]!.start - sortedOthers[q.j]!.start,
  );
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  let matched = 0;
  for (const { i, j } of pairs) {
    if (usedLeft.has(i) || usedRight.has(j)) continue;
    usedLeft.add(i);
    usedRight.add(j);
    matched++;
  }
  return matched;
}

function byDocument(spans: readonly Span[]): Map<string, Span[]> {
  const map = new Map<string, Span[]>();
  for (const span of spans) {
    const list = map.get(span.documentId) ?? [];
    list.push(span);
    map.set(span.documentId, list);
  }
  return map;
}

/** Exact matching: each (document, start, end) counts once a side, as a set. */
export function exactMatch(a: readonly Span[], b: readonly Span[]): MatchScores {
  const right = byDocument(b);
  let matched = 0;
  let leftSize = 0;
  let rightSize = 0;
  for (const [documentId, left] of byDocument(a)) {
    const counts = exactCounts(left, right.get(documentId) ?? []);
    matched += counts.matched;
    leftSize += counts.left;
  }
  for (const spans of right.values()) rightSize += exactCounts([], spans).right;
  return scores(matched, leftSize, rightSize);
}

/** Overlap matching over documents (spans of different documents never match): see overlapCount. */
export function overlapMatch(a: readonly Span[], b: readonly Span[]): MatchScores {
  const right = byDocument(b);
  let matched = 0;
  for (const [documentId, left] of byDocument(a)) matched += overlapCount(left, right.get(documentId) ?? []);
  return scores(matched, a.length, b.length);
}
