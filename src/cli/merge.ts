/** `spanlight merge`: brings other annotators' layers in from projects or canonical JSONL exports. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { addMergedDocument, readMergeSource } from '../core/import/mergeSources';
import { emptyMergeReport } from '../core/project/mergeService';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, noteTo, UsageError, type CliIo } from './options';

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...BACKUP_DIR_OPTION, force: { type: 'boolean' }, 'add-documents': { type: 'boolean' } },
  });
  const [projectPath, ...sources] = positionals;
  if (!projectPath || sources.length === 0)
    throw new UsageError('merge needs a project and at least one source');
  const missing = [projectPath, ...sources].find((path) => !existsSync(path));
  if (missing) throw new AppError('not_found', errorMessage('notFound.path', { path: missing }));
  const project = openProject(projectPath, values['backup-dir'], noteTo(io));
  try {
    const report = emptyMergeReport();
    const merger = project.mergeService;
    for (const source of sources) {
      const { documents, unattributed } = await readMergeSource(source);
      report.unattributed += unattributed;
      merger.merge(
        source,
        documents,
        {
          force: values.force,
          addDocument: values['add-documents']
            ? (document) => addMergedDocument(project, document)
            : undefined,
        },
        report,
      );
    }
    for (const layer of report.merged)
      io.out(
        `merged    ${layer.document}, ${layer.annotator}: ${layer.added} added, ${layer.changed} changed, ${layer.removed} removed`,
      );
    for (const where of report.addedDocuments) io.out(`added     ${where}`);
    for (const conflict of report.conflicts)
      io.err(
        `conflict  ${conflict.document}, ${conflict.annotator}: edited here since it was last merged; left as it is (--force overwrites)`,
      );
    for (const where of report.missingDocuments)
      io.err(`missing   ${where}: not in the project (--add-documents adds it)`);
    if (report.unattributed > 0)
      io.err(
        `left      ${report.unattributed} span${report.unattributed === 1 ? '' : 's'} naming no annotator: ` +
          'a layer is one annotator’s, so they are not merged',
      );
    io.out(
      `${report.merged.length} layers merged, ${report.unchanged} unchanged, ${report.conflicts.length} conflicts, ` +
        `${report.missingDocuments.length} documents missing`,
    );
    return report.conflicts.length + report.missingDocuments.length > 0 ? 1 : 0;
  } finally {
    project.close();
  }
}
