/** `spanlight agreement`: the agreement report, as JSON (the documented shape) or as a table to read. */
import { parseArgs } from 'node:util';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@shared/model';
import { projectAgreement } from '../core/agreement/projectAgreement';
import type { AgreementResult } from '../core/agreement/agreementReport';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, listOption, noteTo, UsageError, type CliIo } from './options';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const figure = (value: number | null) => (value === null ? '—' : value.toFixed(3));

function printTable({ report, skipped }: AgreementResult, io: CliIo): void {
  io.out(
    `${report.annotators.length} annotators (${report.annotators.join(', ')}), ${plural(report.documents, 'document')} counted` +
      (skipped.length ? `, ${skipped.length} left out:` : ''),
  );
  for (const document of skipped)
    io.out(`  left out  "${document.title}": no work by ${document.missing.join(', ')}`);
  for (const [label, scores] of Object.entries(report.labels)) {
    io.out(
      `${label}: Fleiss κ ${figure(scores.fleiss_kappa)}, Krippendorff α ${figure(scores.alpha)}, uα ${figure(scores.unitizing_alpha)}`,
    );
    for (const pair of scores.pairs)
      io.out(
        `  ${pair.a} – ${pair.b}: κ ${figure(pair.kappa)}; exact P ${figure(pair.exact.precision)} R ${figure(pair.exact.recall)} F1 ${figure(pair.exact.f1)}; ` +
          `overlap P ${figure(pair.overlap.precision)} R ${figure(pair.overlap.recall)} F1 ${figure(pair.overlap.f1)}`,
      );
  }
}

export function agreementCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...BACKUP_DIR_OPTION,
      annotators: { type: 'string' },
      labels: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('agreement needs exactly one project');
  const project = openProject(positionals[0]!, values['backup-dir'], noteTo(io));
  try {
    const result = projectAgreement(project, {
      annotators: listOption(values.annotators, 'annotators'),
      labels: listOption(values.labels, 'labels'),
      statuses: listOption<DocumentStatus>(values.status, 'status', DOCUMENT_STATUSES),
    });
    if (values.json) io.out(JSON.stringify(result.report));
    else printTable(result, io);
    return 0;
  } finally {
    project.close();
  }
}
