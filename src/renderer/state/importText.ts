/**
 * An import's outcome in the interface's language (the CLI keeps shared/datasets' English lines), said as
 * keys and values (a notice words them live) or worded now. File names stay as they are; why a file was
 * skipped or rejected is worded from its messages when main sent them.
 */
import type { ImportProblem, ImportReport } from '@shared/model';
import { wordEach } from '../i18n/message';
import { said, saidOf, wordSaid, type Said } from '../i18n/said';

export function importSummarySaid(report: ImportReport): Said {
  return said('common', 'notice.importSummary', {
    imported: report.imported.length,
    skipped: report.skipped.length,
    rejected: report.rejected.length,
  });
}

/** One file that was not imported, and why: its messages one a line, or main's English without them. */
export function importProblemSaid(kind: 'rejected' | 'skipped', problem: ImportProblem): Said {
  return said('common', `notice.${kind}`, {
    file: problem.fileName,
    reason: saidOf(problem.i18n) ?? problem.reason,
  });
}

export function importSummaryText(report: ImportReport): string {
  return wordSaid(importSummarySaid(report));
}

/** Why, one problem a line: in the interface's language, or main's English when it came without messages. */
export function importReasonText(problem: ImportProblem): string {
  return wordEach(problem.i18n, [problem.reason]).join('\n');
}

export function importProblemText(kind: 'rejected' | 'skipped', problem: ImportProblem): string {
  return wordSaid(importProblemSaid(kind, problem));
}
