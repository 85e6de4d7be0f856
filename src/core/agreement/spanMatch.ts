/**
 * Span-level agreement between two sets of spans of one label (two annotators, or gold and suggestions):
 * exact matching (same start and end) and overlap matching (overlapping spans paired one-to-one, the pairs
 * with the largest overlap first). Precision is over `b`, recall over `a`: with `a` the reference they read
 * as usual, and for two annotators F1 is symmetric.
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

function scores(matched: number, a: number, b: number): MatchScores {
  return {
    matched,
    precision: b === 0 ? null : matched / b,
    recall: a === 0 ? null : matched / a,
    f1: a + b === 0 ? null : (2 * matched) / (a + b),
  };
}

const spanKey = (s: Span) => `${s.documentId}\u0000${s.start}\u0000${s.end}`;

/** Exact matching: each (document, start, end) counts once a side, as a set. */
export function exactMatch(a: readonly Span[], b: readonly Span[]): MatchScores {
  const left = new Set(a.map(spanKey));
  const right = new Set(b.map(spanKey));
  let matched = 0;
  for (const key of right) if (left.has(key)) matched++;
  return scores(matched, left.size, right.size);
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

/**
 * Overlap matching: every overlapping pair is a candidate, taken greedily by largest overlap (ties: the
 * earlier start of a, then of b), each span in at most one pair.
 */
export function overlapMatch(a: readonly Span[], b: readonly Span[]): MatchScores {
  const right = byDocument(b);
  let matched = 0;
  for (const [documentId, left] of byDocument(a)) {
    const others = right.get(documentId);
    if (!others) continue;
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
    for (const { i, j } of pairs) {
      if (usedLeft.has(i) || usedRight.has(j)) continue;
      usedLeft.add(i);
      usedRight.add(j);
      matched++;
    }
  }
  return scores(matched, a.length, b.length);
}
