/**
 * The command line: the same domain code as the app, no Electron. `runCli` returns the exit code and writes
 * through `io`, so tests drive it in-process.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { parseMetaColumns } from '@shared/metaColumns';
import {
  IMPORT_FORMATS,
  importSummary,
  type ExportFilter,
  type ImportFormat,
  type ImportOptions,
} from '@shared/datasets';
import {
  DOCUMENT_STATUSES,
  EXPORT_FORMATS,
  type DocumentStatus,
  type ExportFormat,
  type ImportReport,
} from '@shared/model';
import { unknownFilterLabel } from '../core/export/dataset';
import { exportToFile } from '../core/export/exporter';
import { Importer, emptyReport } from '../core/import/importer';
import { sourcesFromPaths } from '../core/import/sources';
import { Project } from '../core/project/project';
import { adjudicateCommand } from './adjudicate';
import { agreementCommand } from './agreement';
import { BOARD_USAGE, boardCommand } from './board';
import { mergeCommand } from './merge';
import { openProject } from './openProject';
import { BACKUP_DIR_OPTION, listOption, noteTo, UsageError, type CliIo } from './options';
import { suggestCommand } from './suggest';
import { projectStats } from './stats';
import { terminalIo, terminalJson } from './terminalText';

export type { CliIo } from './options';

export const USAGE = `Usage:
  spanlight import <project> <path>... [--format auto|${IMPORT_FORMATS.filter((f) => f !== 'auto').join('|')}]
                   [--text-column text] [--title-column title] [--id-column id]
                   [--meta-column outlet=source,published=date,...]
      import .txt files and folders, Spanlight .jsonl, doccano .jsonl, Label Studio .json, brat .txt+.ann, .csv
      --meta-column (csv): metadata from columns: outlet, published (ISO 8601 date), url, language,
      external_id, file_name, or any other key (kept as extra metadata)
  spanlight export <project> --format ${EXPORT_FORMATS.join('|')} --out <file|folder>
                   [--status ${DOCUMENT_STATUSES.join(',')}] [--label claim,...] [--annotator name] [--excel]
      --excel (csv): for a spreadsheet, with a UTF-8 BOM and ' before cells a spreadsheet would run as formulas
  spanlight stats <project> [--json]
  spanlight merge <project> <source.spanlight|source.jsonl>... [--force] [--add-documents]
      bring other annotators' layers in: documents matched by their text, each layer replaced by the source's
  spanlight agreement <project> [--annotators a,b,...] [--labels claim,...] [--status done,...] [--json]
  spanlight adjudicate <project> --annotators a,b,... [--rule unanimous|majority] [--into curated]
  spanlight suggest <project> [--labels number,claim,denial] [--documents id,...] --out <file.jsonl>
  spanlight suggest <project> [--labels ...] [--documents ...] --accept --as <annotator>
${BOARD_USAGE}
  Every command takes [--backup-dir DIR]: where the copy of a project from an older Spanlight goes before it
  is upgraded (by default next to the project, as <name>.before-v<N>.spanlight).`;

/** node:util parseArgs throws these for an unknown option or an option without its value: usage errors too. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

function printReport(report: ImportReport, io: CliIo): void {
  for (const f of report.imported)
    io.out(`imported  ${f.fileName}  "${f.title}"${f.spans ? ` (${f.spans} spans)` : ''}`);
  for (const f of report.skipped) io.out(`skipped   ${f.fileName}: ${f.reason}`);
  for (const f of report.rejected)
    io.err(`rejected  ${f.fileName}: ${f.reason.split('\n').join('\n          ')}`);
  io.out(importSummary(report));
}

function withProject<T>(
  path: string,
  backupDir: string | undefined,
  io: CliIo,
  fn: (project: Project) => T,
): T {
  const project = openProject(path, backupDir, noteTo(io));
  try {
    return fn(project);
  } finally {
    project.close();
  }
}

function metaColumnsOption(specs: string[]): Record<string, string> {
  try {
    return parseMetaColumns(specs);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      'text-column': { type: 'string' },
      'title-column': { type: 'string' },
      'id-column': { type: 'string' },
      'meta-column': { type: 'string', multiple: true },
      ...BACKUP_DIR_OPTION,
    },
  });
  const [projectPath, ...paths] = positionals;
  if (!projectPath || paths.length === 0)
    throw new UsageError('import needs a project and at least one path');
  const format = (values.format ?? 'auto') as ImportFormat;
  if (!IMPORT_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}`);
  const options: ImportOptions = {
    format,
    csv: {
      textColumn: values['text-column'] ?? 'text',
      titleColumn: values['title-column'],
      idColumn: values['id-column'],
      metaColumns: metaColumnsOption(values['meta-column'] ?? []),
    },
  };
  // Check every input before the project is created or opened, so a typo changes nothing.
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) throw new AppError('not_found', errorMessage('notFound.path', { path: missing[0]! }));
  const project = existsSync(projectPath)
    ? openProject(projectPath, values['backup-dir'], noteTo(io))
    : Project.create(projectPath);
  try {
    const { sources, problems } = sourcesFromPaths(paths);
    const report = emptyReport();
    report.rejected.push(...problems);
    new Importer(project, options).importAll(sources, report);
    printReport(report, io);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    project.close();
  }
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
      label: { type: 'string' },
      annotator: { type: 'string' },
      excel: { type: 'boolean' },
      ...BACKUP_DIR_OPTION,
    },
  });
  const [projectPath] = positionals;
  if (!projectPath || positionals.length > 1) throw new UsageError('export needs exactly one project');
  if (!values.format || !EXPORT_FORMATS.includes(values.format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!values.out) throw new UsageError('--out <file> is required');
  if (values.excel && values.format !== 'csv') throw new UsageError('--excel is for --format csv');
  const filter: ExportFilter = {
    statuses: listOption<DocumentStatus>(values.status, 'status', DOCUMENT_STATUSES),
    labels: listOption(values.label, 'label'),
    annotator: values.annotator,
  };
  const project = openProject(projectPath, values['backup-dir'], noteTo(io));
  try {
    const unknown = unknownFilterLabel(project.labels.list(), filter);
    if (unknown !== undefined)
      throw new AppError('invalid_input', errorMessage('unknown.label', { label: JSON.stringify(unknown) }));
    const summary = await exportToFile(project, values.format as ExportFormat, values.out, {
      filter,
      spreadsheet: values.excel,
    });
    io.out(`exported ${summary.documents} documents, ${summary.spans} spans to ${summary.path}`);
    for (const warning of summary.warnings ?? []) io.err(`warning: ${warning}`);
    return 0;
  } finally {
    project.close();
  }
}

function statsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, ...BACKUP_DIR_OPTION },
  });
  if (positionals.length !== 1) throw new UsageError('stats needs exactly one project');
  const stats = withProject(positionals[0]!, values['backup-dir'], io, projectStats);
  if (values.json) {
    io.out(terminalJson(stats));
    return 0;
  }
  io.out(`documents: ${stats.documents}`);
  for (const [status, n] of Object.entries(stats.documentsByStatus)) io.out(`  ${status}: ${n}`);
  io.out(`spans: ${stats.spans}`);
  for (const [label, n] of Object.entries(stats.spansByLabel)) io.out(`  ${label}: ${n}`);
  return 0;
}

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  // Imported text reaches the output: every line is shown with its control characters made visible.
  const io = terminalIo(rawIo);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'stats':
        return statsCommand(rest, io);
      case 'agreement':
        return agreementCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case 'adjudicate':
        return adjudicateCommand(rest, io);
      case 'suggest':
        return await suggestCommand(rest, io);
      case 'board':
        return boardCommand(rest, io);
      case undefined:
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`spanlight: ${error.message} (see spanlight --help)`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`spanlight: ${message.split('\n')[0]}`);
    return 1;
  }
}
