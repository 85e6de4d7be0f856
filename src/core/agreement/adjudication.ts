/**
 * Automatic adjudication: the spans (same start, end and label) that all, or more than half, of the chosen
 * annotators have exactly, each taken once into the curated layer with the attributes and note of the first
 * chosen annotator who has it; everything else that any of them has is left to settle by hand.
 */
import type { AdjudicationRule } from '@shared/comparison';
import type { AttributeValues } from '@shared/model';

export type { AdjudicationRule };

export interface LayerSpan {
  annotator: string;
  labelId: string;
  start: number;
  end: number;
  note: string;
  attributes: AttributeValues;
}

export interface AdjudicationPlan {
  /** Spans to add to the curated layer. */
  accept: LayerSpan[];
  /** Spans (one per extent and label) some chosen annotators have that the rule did not settle. */
  unsettled: Array<{ labelId: string; start: number; end: number; annotators: string[] }>;
}

const extentKey = (s: { labelId: string; start: number; end: number }) =>
  `${s.labelId}\u0000${s.start}\u0000${s.end}`;

/** The plan for one document: `spans` are its annotations of every layer, `curated` the curated layer's. */
export function planAdjudication(
  spans: readonly LayerSpan[],
  annotators: readonly string[],
  rule: AdjudicationRule,
  curated: ReadonlyArray<{ labelId: string; start: number; end: number }>,
): AdjudicationPlan {
  const chosen = new Set(annotators);
  const groups = new Map<string, Map<string, LayerSpan>>();
  for (const span of spans) {
    if (!chosen.has(span.annotator)) continue;
    const key = extentKey(span);
    const group = groups.get(key) ?? new Map<string, LayerSpan>();
    if (!group.has(span.annotator)) group.set(span.annotator, span);
    groups.set(key, group);
  }
  const already = new Set(curated.map(extentKey));
  const needed = rule === 'unanimous' ? annotators.length : Math.floor(annotators.length / 2) + 1;
  const plan: AdjudicationPlan = { accept: [], unsettled: [] };
  for (const [key, group] of groups) {
    if (already.has(key)) continue;
    const first = annotators.map((name) => group.get(name)).find((span) => span !== undefined)!;
    if (group.size >= needed) plan.accept.push(first);
    else
      plan.unsettled.push({
        labelId: first.labelId,
        start: first.start,
        end: first.end,
        annotators: annotators.filter((name) => group.has(name)),
      });
  }
  const order = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start - b.start || a.end - b.end;
  plan.accept.sort(order);
  plan.unsettled.sort(order);
  return plan;
}
