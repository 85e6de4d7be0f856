/**
 * A file the import skipped or rejected, and why: the English a line a problem (`reason`, what the CLI and the
 * reports show) and the same problems as messages, for the interface to word in its language.
 */
import { englishOf, type Message } from '@shared/messages/message';
import type { ImportProblem } from '@shared/model';

export function importProblem(fileName: string, problems: readonly Message[]): ImportProblem {
  return { fileName, reason: problems.map(englishOf).join('\n'), i18n: [...problems] };
}
