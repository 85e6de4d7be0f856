/**
 * An import's outcome in the interface's language (the CLI keeps shared/datasets' English lines). File names
 * and the reasons main gives stay as they are.
 */
import type { ImportProblem, ImportReport } from '@shared/model';
import { i18n } from '../i18n/i18n';

export function importSummaryText(report: ImportReport): string {
  return i18n.t('notice.importSummary', {
    ns: 'common',
    imported: report.imported.length,
    skipped: report.skipped.length,
    rejected: report.rejected.length,
  });
}

export function importProblemText(kind: 'rejected' | 'skipped', problem: ImportProblem): string {
  return i18n.t(`notice.${kind}`, { ns: 'common', file: problem.fileName, reason: problem.reason });
}
