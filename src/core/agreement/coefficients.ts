/**
 * Chance-corrected agreement over code points. Every code point of every counted document is a unit; for
 * one label, an annotator gives it 1 when it lies inside one of their spans of that label, else 0. All
 * annotators code every unit (the data are complete), so the units can be counted by their pattern: the
 * set of annotators who put a 1 there, as a bit mask. A sweep over span edges fills that histogram in
 * O(spans · log spans) per document instead of walking millions of code points, and every coefficient is
 * then a sum over at most 2^m patterns.
 *
 * Definitions (each checked in the tests against an independent implementation):
 * - Cohen's kappa for two annotators: (p_o − p_e) / (1 − p_e), p_e from each annotator's own marginals
 *   (scikit-learn's cohen_kappa_score).
 * - Fleiss' kappa over m annotators (statsmodels' fleiss_kappa).
 * - Krippendorff's alpha, nominal: 1 − D_o / D_e from the coincidence matrix (NLTK's AnnotationTask.alpha).
 * A coefficient whose expected disagreement is zero (everyone always says the same value) is undefined:
 * null.
 */

export interface CodedDocument {
  /** Length in code points: the number of units it has. */
  length: number;
  /** For each annotator (in the order of the masks' bits), their spans of the label. */
  spans: ReadonlyArray<ReadonlyArray<{ start: number; end: number }>>;
}

/** Units counted by pattern: `counts.get(mask)` units had exactly the annotators in `mask` say 1. */
export interface PatternHistogram {
  annotators: number;
  units: number;
  counts: Map<number, number>;
}

export function patternHistogram(documents: Iterable<CodedDocument>, annotators: number): PatternHistogram {
  if (annotators < 1 || annotators > 30) throw new RangeError('between 1 and 30 annotators');
  const counts = new Map<number, number>();
  const add = (mask: number, n: number) => {
    if (n > 0) counts.set(mask, (counts.get(mask) ?? 0) + n);
  };
  let units = 0;
  for (const document of documents) {
    units += document.length;
    // Edges: +1 at a start, −1 at an end, per annotator (their own spans may overlap each other).
    const edges: Array<[position: number, annotator: number, delta: number]> = [];
    document.spans.forEach((spans, annotator) => {
      for (const { start, end } of spans) {
        const from = Math.max(0, start);
        const to = Math.min(document.length, end);
        if (to > from) edges.push([from, annotator, 1], [to, annotator, -1]);
      }
    });
    edges.sort((a, b) => a[0] - b[0]);
    const depth = new Array<number>(annotators).fill(0);
    let mask = 0;
    let at = 0;
    for (const [position, annotator, delta] of edges) {
      add(mask, position - at);
      at = position;
      depth[annotator]! += delta;
      mask = depth[annotator]! > 0 ? mask | (1 << annotator) : mask & ~(1 << annotator);
    }
    add(mask, document.length - at);
  }
  return { annotators, units, counts };
}

const popcount = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/** Cohen's kappa between annotators i and j. */
export function cohenKappa(histogram: PatternHistogram, i: number, j: number): number | null {
  const { units, counts } = histogram;
  if (units === 0) return null;
  let both = 0;
  let onlyI = 0;
  let onlyJ = 0;
  for (const [mask, n] of counts) {
    const a = (mask >> i) & 1;
    const b = (mask >> j) & 1;
    if (a && b) both += n;
    else if (a) onlyI += n;
    else if (b) onlyJ += n;
  }
  const neither = units - both - onlyI - onlyJ;
  const observed = (both + neither) / units;
  const pI = (both + onlyI) / units;
  const pJ = (both + onlyJ) / units;
  const expected = pI * pJ + (1 - pI) * (1 - pJ);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/** Fleiss' kappa over all annotators of the histogram (at least two). */
export function fleissKappa(histogram: PatternHistogram): number | null {
  const { annotators: m, units, counts } = histogram;
  if (m < 2 || units === 0) return null;
  let agreement = 0;
  let ones = 0;
  for (const [mask, n] of counts) {
    const k = popcount(mask);
    agreement += (n * (k * k + (m - k) * (m - k) - m)) / (m * (m - 1));
    ones += n * k;
  }
  const meanAgreement = agreement / units;
  const p1 = ones / (units * m);
  const expected = p1 * p1 + (1 - p1) * (1 - p1);
  return expected === 1 ? null : (meanAgreement - expected) / (1 - expected);
}

/** Krippendorff's alpha with the nominal metric, over all annotators of the histogram (at least two). */
export function krippendorffAlphaNominal(histogram: PatternHistogram): number | null {
  const { annotators: m, counts } = histogram;
  if (m < 2) return null;
  // Coincidences: a unit with k ones among m values gives k(m−k)/(m−1) to each off-diagonal cell.
  let disagreeing = 0;
  let ones = 0;
  let total = 0;
  for (const [mask, n] of counts) {
    const k = popcount(mask);
    disagreeing += (n * k * (m - k)) / (m - 1);
    ones += n * k;
    total += n * m;
  }
  const zeros = total - ones;
  if (ones === 0 || zeros === 0) return null;
  // α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k, with o_01 = o_10 = `disagreeing`.
  return 1 - ((total - 1) * (2 * disagreeing)) / (2 * ones * zeros);
}
