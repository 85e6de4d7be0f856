/**
 * The command line: the same domain code as the app, no Electron. `runCli` returns the exit code and writes
 * through `io`, so tests drive it in-process.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '@shared/errors';
import { EXPORT_FORMATS, type ExportFormat, type ImportReport } from '@shared/model';
import { exportToFile } from '../export/exporter';
import { Importer, emptyReport } from '../import/importer';
import { sourcesFromPaths } from '../import/sources';
import { Project } from '../project/project';
import { projectStats } from './stats';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const USAGE = `Usage:
  spanlight import <project> <path>...                    import .txt files, folders and canonical .jsonl
  spanlight export <project> --format jsonl|csv --out <file>
  spanlight stats <project> [--json]`;

class UsageError extends Error {}

/** node:util parseArgs throws these for an unknown option or an option without its value: usage errors too. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_');
}

function printReport(report: ImportReport, io: CliIo): void {
  for (const f of report.imported) io.out(`imported  ${f.fileName}  "${f.title}"${f.spans ? ` (${f.spans} spans)` : ''}`);
  for (const f of report.skipped) io.out(`skipped   ${f.fileName}: ${f.reason}`);
  for (const f of report.rejected) io.err(`rejected  ${f.fileName}: ${f.reason.split('\n').join('\n          ')}`);
  io.out(`${report.imported.length} imported, ${report.skipped.length} skipped, ${report.rejected.length} rejected`);
}

function withProject<T>(path: string, fn: (project: Project) => T): T {
  const project = Project.open(path);
  try {
    return fn(project);
  } finally {
    project.close();
  }
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const [projectPath, ...paths] = args;
  if (!projectPath || paths.length === 0) throw new UsageError('import needs a project and at least one path');
  // Check every input before the project is created or opened, so a typo changes nothing.
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) throw new AppError('not_found', `${missing[0]} does not exist`);
  const project = existsSync(projectPath) ? Project.open(projectPath) : Project.create(projectPath);
  try {
    const { sources, problems } = sourcesFromPaths(paths);
    const report = emptyReport();
    report.rejected.push(...problems);
    new Importer(project).importAll(sources, report);
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
    options: { format: { type: 'string' }, out: { type: 'string' } },
  });
  const [projectPath] = positionals;
  if (!projectPath || positionals.length > 1) throw new UsageError('export needs exactly one project');
  if (!values.format || !EXPORT_FORMATS.includes(values.format as ExportFormat)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  if (!values.out) throw new UsageError('--out <file> is required');
  const project = Project.open(projectPath);
  try {
    const summary = await exportToFile(project, values.format as ExportFormat, values.out);
    io.out(`exported ${summary.documents} documents, ${summary.spans} spans to ${summary.path}`);
    return 0;
  } finally {
    project.close();
  }
}

function statsCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('stats needs exactly one project');
  const stats = withProject(positionals[0]!, projectStats);
  if (values.json) {
    io.out(JSON.stringify(stats));
    return 0;
  }
  io.out(`documents: ${stats.documents}`);
  for (const [status, n] of Object.entries(stats.documentsByStatus)) io.out(`  ${status}: ${n}`);
  io.out(`spans: ${stats.spans}`);
  for (const [label, n] of Object.entries(stats.spansByLabel)) io.out(`  ${label}: ${n}`);
  return 0;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'import':
        return await importCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'stats':
        return statsCommand(rest, io);
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
