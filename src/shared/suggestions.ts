/**
 * Suggestions as the renderer, the command line and the core all see them: the rule families, which labels
 * each family can fill, and one suggested span. The rules themselves live in src/core/suggest.
 */
import type { Message } from './messages/message';
import type { AttributeValues } from './model';

/** The families of rules a project can switch off per label. */
export const SUGGESTION_RULES = ['numbers', 'claims', 'denials', 'learned'] as const;
export type SuggestionRule = (typeof SUGGESTION_RULES)[number];

/** The label (by id: renaming keeps it) each built-in family fills; the learned matcher fills every label. */
export const RULE_LABELS: Record<Exclude<SuggestionRule, 'learned'>, string> = {
  numbers: 'number',
  claims: 'claim',
  denials: 'denial',
};

/** The families that can suggest spans of a label: the only switches worth showing for it. */
export function rulesForLabel(labelId: string): SuggestionRule[] {
  return SUGGESTION_RULES.filter(
    (rule) => rule === 'learned' || RULE_LABELS[rule as Exclude<SuggestionRule, 'learned'>] === labelId,
  );
}

export interface Suggestion {
  /** Stable across calls: label, start and end. */
  id: string;
  labelId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  attributes: AttributeValues;
  rule: SuggestionRule;
  /** What found it, for the panel: "digits", "cue: said", "tagged 3 times before"... in English. */
  reason: string;
  /** The same as a message (src/shared/messages), worded in the interface's language. */
  i18n?: Message;
}

/** A rule family switched off for a label. */
export interface SwitchedOffRule {
  labelId: string;
  rule: SuggestionRule;
}
