/**
 * An import's outcome in the interface's language (the CLI keeps shared/datasets' English lines). File names
 * stay as they are; why a file was skipped or rejected is worded from its messages when main sent them.
 */
import type { ImportProblem, ImportReport } from '@shared/model';
import { i18n } from '../i18n/i18n';
import { wordEach } from '../i18n/message';

export function importSummaryText(report: ImportReport): string {
  return i18n.t('notice.importSummary', {
    ns: 'common',
    imported: report.imported.length,
    skipped: report.skipped.length,
    rejected: report.rejected.length,
  });
}

/** Why, one problem a line: in the interface's language, or main's English when it came without messages. */
export function importReasonText(problem: ImportProblem): string {
  return wordEach(problem.i18n, [problem.reason]).join('\n');
}

export function importProblemText(kind: 'rejected' | 'skipped', problem: ImportProblem): string {
  return i18n.t(`notice.${kind}`, {
    ns: 'common',
    file: problem.fileName,
    reason: importReasonText(problem),
  });
}
