/**
 * All the suggestions for one document: the rule families (numbers, claims, denials) for the built-in labels,
 * and the learned string matcher for every label. A suggestion is never an annotation: it is dropped where an
 * annotation of its label already overlaps it, where its text was rejected for its label, or where the project
 * switched its rule family off for that label. Attributes are kept only where the label defines them with
 * that type, so an accepted suggestion passes the same checks as a typed-in annotation.
 */
import { suggestionMessage } from '@shared/messages/keys';
import { englishOf, type Message } from '@shared/messages/message';
import type { AttributeValues, Label } from '@shared/model';
import { partitionPoint } from '@shared/partitionPoint';
import { RULE_LABELS, type Suggestion, type SuggestionRule } from '@shared/suggestions';
import { STATED_FACT_RULE, findClaimsAndDenials } from './claims';
import { findLearned, learnedKey } from './learned';
import { findNumbers } from './numbers';

export { SUGGESTION_RULES, type Suggestion, type SuggestionRule } from '@shared/suggestions';

export interface SuggestInput {
  text: string;
  labels: readonly Label[];
  /** This document's annotations (the layer being annotated). */
  annotations: ReadonlyArray<{ labelId: string; start: number; end: number }>;
  /** Texts tagged anywhere in the project, with their label ids. */
  tagged: Iterable<{ labelId: string; text: string }>;
  /** Rejected (labelId, learnedKey(text)) pairs. */
  isRejected(labelId: string, key: string): boolean;
  /** Whether a rule family is on for a label; all are on unless the project says otherwise. */
  isEnabled?(labelId: string, rule: SuggestionRule): boolean;
  /** Only these labels (ids); all when absent. */
  onlyLabels?: ReadonlySet<string>;
}

/** Keeps the attributes the label defines, of the type it defines. */
function fitAttributes(label: Label, values: Record<string, unknown>): AttributeValues {
  const out: AttributeValues = {};
  for (const definition of label.attributes) {
    const value = values[definition.name];
    if (value === null || value === undefined || value === '' || value === false) continue;
    if (definition.type === 'number' && typeof value === 'number' && Number.isFinite(value))
      out[definition.name] = value;
    if (definition.type === 'text' && typeof value === 'string') out[definition.name] = value;
    if (definition.type === 'boolean' && typeof value === 'boolean') out[definition.name] = value;
  }
  return out;
}

/**
 * Whether an annotation of the same label overlaps a span, in O(log n): per label, the annotations by start
 * with the furthest end reached so far. A 50 KB article holds hundreds of each, and this runs after every
 * change, so a scan of all annotations per suggestion would cost more than finding them.
 */
function coverage(
  annotations: SuggestInput['annotations'],
): (span: { labelId: string; start: number; end: number }) => boolean {
  const byLabel = new Map<string, { starts: number[]; reach: number[] }>();
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  for (const a of sorted) {
    const entry = byLabel.get(a.labelId) ?? { starts: [], reach: [] };
    entry.reach.push(Math.max(a.end, entry.reach.at(-1) ?? -1));
    entry.starts.push(a.start);
    byLabel.set(a.labelId, entry);
  }
  return ({ labelId, start, end }) => {
    const entry = byLabel.get(labelId);
    if (!entry) return false;
    // The annotations starting before the span ends; one of them overlaps it when the furthest reaches past its start.
    const before = partitionPoint(entry.starts.length, (i) => entry.starts[i]! < end);
    return before > 0 && entry.reach[before - 1]! > start;
  };
}

export function suggest(input: SuggestInput): Suggestion[] {
  const labels = new Map(input.labels.map((label) => [label.id, label]));
  const wanted = (labelId: string, rule: SuggestionRule) =>
    labels.has(labelId) &&
    (!input.onlyLabels || input.onlyLabels.has(labelId)) &&
    (input.isEnabled?.(labelId, rule) ?? true);
  const candidates: Suggestion[] = [];
  const add = (
    labelId: string,
    rule: SuggestionRule,
    found: { start: number; end: number; text: string },
    values: Record<string, unknown>,
    reason: Message,
  ) => {
    const label = labels.get(labelId)!;
    candidates.push({
      id: `${labelId}:${found.start}:${found.end}`,
      labelId,
      start: found.start,
      end: found.end,
      text: found.text,
      attributes: fitAttributes(label, values),
      rule,
      reason: englishOf(reason),
      i18n: reason,
    });
  };

  if (wanted(RULE_LABELS.numbers, 'numbers'))
    for (const number of findNumbers(input.text))
      add(
        RULE_LABELS.numbers,
        'numbers',
        number,
        { value: number.value, unit: number.unit, approximate: number.approximate },
        suggestionMessage(`number.${number.rule}`),
      );
  const claimsOn = wanted(RULE_LABELS.claims, 'claims');
  const denialsOn = wanted(RULE_LABELS.denials, 'denials');
  if (claimsOn || denialsOn)
    for (const clause of findClaimsAndDenials(input.text)) {
      const rule = clause.label === 'claim' ? 'claims' : 'denials';
      if (rule === 'claims' ? claimsOn : denialsOn)
        add(
          RULE_LABELS[rule],
          rule,
          clause,
          { source: clause.source },
          // A cue is the article's own word ("said", "نفى"), kept as it is; a sentence stated as fact has none.
          clause.rule === STATED_FACT_RULE
            ? suggestionMessage('statedFact')
            : suggestionMessage('cue', { cue: clause.rule }),
        );
    }

  const tagged = [...input.tagged].filter((t) => wanted(t.labelId, 'learned'));
  const counts = new Map<string, number>();
  for (const t of tagged) {
    const key = `${t.labelId}\u0000${learnedKey(t.text)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const learned = findLearned(
    input.text,
    tagged.map((t) => ({ label: t.labelId, text: t.text })),
    (labelId, key) => input.isRejected(labelId, key),
  );
  for (const match of learned) {
    const times = counts.get(`${match.label}\u0000${learnedKey(match.text)}`) ?? 1;
    add(match.label, 'learned', match, {}, suggestionMessage('learned', { count: times }));
  }

  const covered = coverage(input.annotations);
  const byId = new Map<string, Suggestion>();
  for (const candidate of candidates) {
    if (byId.has(candidate.id)) continue; // a rule and the matcher agree: the rule's has the attributes
    if (covered(candidate)) continue;
    if (input.isRejected(candidate.labelId, learnedKey(candidate.text))) continue;
    byId.set(candidate.id, candidate);
  }
  return [...byId.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}
