/**
 * The comparison of one document's layers: each span of the chosen annotators classed against the others
 * (see SpanKind in @shared/comparison), and the spans not agreed by all grouped into disagreements, each a
 * run of spans that overlap one another. Pure: offsets in, classes out (code points, like every offset here).
 */
import type { ComparedSpan, Disagreement, DisagreementKind, Settlement, SpanKind } from '@shared/comparison';

/** A span of one annotator's layer, before it is classed. */
export type LayerSpanRef = Omit<ComparedSpan, 'kind'>;

/** What identifies a span across layers (extentKey). */
export type Extent = Pick<LayerSpanRef, 'labelId' | 'start' | 'end'>;

/** A span's identity across layers: its label and extent. */
export const extentKey = (s: Extent): string => `${s.labelId}\u0000${s.start}\u0000${s.end}`;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function classify(span: LayerSpanRef, others: readonly LayerSpanRef[], holders: number, needed: number) {
  if (holders >= needed) return 'agreed';
  const rivals = others.filter((o) => o.annotator !== span.annotator && overlaps(o, span));
  if (rivals.some((o) => o.start === span.start && o.end === span.end && o.labelId !== span.labelId))
    return 'label';
  if (rivals.some((o) => o.start !== span.start || o.end !== span.end)) return 'extent';
  return 'partial';
}

/** Each chosen annotator's spans classed; spans of annotators not chosen are left out. */
export function classifySpans(spans: readonly LayerSpanRef[], annotators: readonly string[]): ComparedSpan[] {
  const rank = new Map(annotators.map((name, r) => [name, r]));
  const chosen = spans
    .filter((s) => rank.has(s.annotator))
    .sort((a, b) => a.start - b.start || a.end - b.end || rank.get(a.annotator)! - rank.get(b.annotator)!);
  const holders = new Map<string, Set<string>>();
  for (const span of chosen) {
    const key = extentKey(span);
    holders.set(key, (holders.get(key) ?? new Set()).add(span.annotator));
  }
  // Sorted by start, a span's rivals start before its end: scan only that far either way.
  return chosen.map((span, i) => {
    const near: LayerSpanRef[] = [];
    for (let j = i - 1; j >= 0; j--) if (chosen[j]!.end > span.start) near.push(chosen[j]!);
    for (let j = i + 1; j < chosen.length && chosen[j]!.start < span.end; j++) near.push(chosen[j]!);
    const kind: SpanKind = classify(span, near, holders.get(extentKey(span))!.size, annotators.length);
    return { ...span, kind };
  });
}

const SEVERITY: Record<DisagreementKind, number> = { label: 3, extent: 2, partial: 1 };

/**
 * The disagreements: spans not agreed by all, joined while they overlap (in start order), each group settled
 * when the curated layer has a span over one of its spans, or when every one of its spans was rejected.
 */
export function disagreements(
  classed: readonly ComparedSpan[],
  curated: readonly Extent[],
  rejected: ReadonlySet<string>,
): Disagreement[] {
  const groups: Array<{ start: number; end: number; spans: ComparedSpan[] }> = [];
  for (const span of classed) {
    if (span.kind === 'agreed') continue;
    const last = groups.at(-1);
    if (last && span.start < last.end) {
      last.spans.push(span);
      last.end = Math.max(last.end, span.end);
    } else groups.push({ start: span.start, end: span.end, spans: [span] });
  }
  return groups.map(({ start, end, spans }) => {
    const kind = spans
      .map((s) => s.kind as DisagreementKind)
      .reduce((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a));
    let settled: Settlement = null;
    if (curated.some((c) => spans.some((s) => overlaps(c, s)))) settled = 'accepted';
    else if (spans.every((s) => rejected.has(extentKey(s)))) settled = 'rejected';
    return { start, end, kind, spanIds: spans.map((s) => s.id), settled };
  });
}
