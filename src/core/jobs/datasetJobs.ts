/**
 * The work of import and export jobs: the same importer and exporter as the CLI, given the job's abort
 * signal and reporting progress to it.
 */
import type { Writable } from 'node:stream';
import type { ExportFilter, ImportOptions } from '@shared/datasets';
import type { ExportFormat, ImportProblem, ImportReport } from '@shared/model';
import { exportDataset, exportSummary, exportToFile } from '../export/exporter';
import { Importer, emptyReport } from '../import/importer';
import type { ImportSource } from '../import/sources';
import type { Project } from '../project/project';
import type { JobControl } from './jobRegistry';

/**
 * What an export job was asked for. A job reserved for a browser download holds it until the download request
 * runs it; a path export (the save dialog) gets it at once.
 */
export interface ExportJobDetail {
  format: ExportFormat;
  filter: ExportFilter;
  /** CSV for a spreadsheet (see export/formats/csv.ts). */
  spreadsheet?: boolean;
}

export async function runExportToPath(
  project: Project,
  { format, filter, spreadsheet }: ExportJobDetail,
  path: string,
  control: JobControl,
) {
  const summary = await exportToFile(project, format, path, {
    filter,
    spreadsheet,
    signal: control.signal,
    onProgress: ({ done, total }) => control.progress(done, total),
  });
  return { export: summary };
}

/** An export streamed into `out` (a browser download); `path` names it in the summary. */
export async function runExportToStream(
  project: Project,
  { format, filter, spreadsheet }: ExportJobDetail,
  out: Writable,
  path: string,
  control: JobControl,
) {
  const counts = await project.withSnapshot((reader) =>
    exportDataset(reader, format, out, {
      filter,
      spreadsheet,
      projectName: project.name,
      signal: control.signal,
      onProgress: ({ done, total }) => control.progress(done, total),
    }),
  );
  return { export: exportSummary(path, counts) };
}

export async function runImport(
  project: Project,
  sources: ImportSource[],
  problems: ImportProblem[],
  options: ImportOptions,
  control: JobControl,
) {
  const report: ImportReport = emptyReport();
  report.rejected.push(...problems);
  control.partial({ import: report });
  await new Importer(project, options).importAllAsync(sources, report, {
    signal: control.signal,
    onProgress: ({ done, total, phase, phaseI18n }) => control.progress(done, total, phase, phaseI18n),
  });
  return { import: report };
}
