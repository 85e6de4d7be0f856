/**
 * What a label's name and a link's type may be, wherever they come from: the label dialog and the link
 * command (checked by the contract at the IPC boundary) and every imported dataset (checked with the other
 * span checks before anything is written). A label an import brought can then always be renamed or recoloured
 * through the same contract.
 */
import { z } from 'zod';

/** Trimmed, 1 to 60 characters. */
export const labelName = z.string().trim().min(1).max(60);

/** Trimmed, 1 to 50 characters. */
export const linkType = z.string().trim().min(1).max(50);

/** Why `value` cannot be a label name (or link type), or null when it can. */
export function ruleProblem(rule: typeof labelName | typeof linkType, value: string): string | null {
  const checked = rule.safeParse(value);
  if (checked.success) return null;
  const issue = checked.error.issues[0]!;
  if (issue.code === 'too_small') return 'it is empty';
  if (issue.code === 'too_big') return `it is longer than ${String(issue.maximum)} characters`;
  return issue.message;
}
