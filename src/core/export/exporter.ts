/**
 * Streams a project's dataset in any format, a page of documents at a time, waiting for the output to drain:
 * memory stays flat however large the project, and a slow disk slows the export instead of filling memory.
 * Between pages it yields to the event loop, so the app answers (progress, cancel) while it runs.
 */
import { englishOf, type Message } from '@shared/messages/message';
import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { EXPORT_FORMAT_INFO, type ExportFilter } from '@shared/datasets';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { ExportFormat, ExportSummary } from '@shared/model';
import type { Project, ProjectReader } from '../project/project';
import { ExportSelection, type ExportDocument } from './dataset';
import { FORMAT_MODULES } from './formats';
import type { ExportContext, ExportRun } from './formats/format';
import { FolderOutput, StreamOutput, ZipOutput, type ExportOutput } from './output';

export interface ExportCounts {
  documents: number;
  spans: number;
  /** What the format could not hold, each once (the summary carries them in English and as messages). */
  warnings: Message[];
}

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  filter?: ExportFilter;
  /** Names the export inside formats that hold a name (qdpx, webanno). */
  projectName?: string;
  /** Written to be opened in a spreadsheet (only CSV differs: see formats/csv.ts). */
  spreadsheet?: boolean;
  /** Aborting stops the export at the next document; the caller removes what was written. */
  signal?: AbortSignal;
  onProgress?(progress: ExportProgress): void;
}

async function runFormat(
  reader: ProjectReader,
  format: ExportFormat,
  output: ExportOutput,
  options: ExportOptions,
): Promise<ExportCounts> {
  const module = FORMAT_MODULES[format];
  const selection = new ExportSelection(reader, options.filter, { spanTimes: module.spanTimes });
  const total = selection.countDocuments();
  // Each distinct warning once: told apart by key and values.
  const warnings = new Map<string, Message>();
  const context: ExportContext = {
    format,
    projectName: options.projectName ?? 'Spanlight',
    labels: selection.labels,
    // A scan of every annotation, for the one format that lists annotators (qdpx): made only when read.
    get annotators() {
      return reader.annotations.annotators();
    },
    exportedAt: new Date().toISOString(),
    spreadsheet: options.spreadsheet ?? false,
    warn: (message) => void warnings.set(JSON.stringify(message), message),
  };
  const counts = { documents: 0, spans: 0 };
  const passes = module.passes ?? 1;
  let pass = 0;
  let done = 0;
  const run: ExportRun = {
    context,
    async *documents(): AsyncGenerator<ExportDocument> {
      const counting = pass++ === 0;
      for (const page of selection.pages()) {
        for (const item of page) {
          options.signal?.throwIfAborted();
          if (counting) {
            counts.documents++;
            counts.spans += item.spans.length;
          }
          yield item;
          options.onProgress?.({ done: ++done, total: total * passes });
        }
        await nextTurn();
      }
    },
  };
  options.onProgress?.({ done: 0, total: total * passes });
  await module.write(run, output);
  options.signal?.throwIfAborted();
  return { ...counts, warnings: [...warnings.values()] };
}

/**
 * Writes the export into one stream: the file of a single-file format, the zip of a zip format, and for a
 * folder format (brat) a zip of the folder.
 */
export async function exportDataset(
  reader: ProjectReader,
  format: ExportFormat,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  if (EXPORT_FORMAT_INFO[format].layout === 'file')
    return runFormat(reader, format, new StreamOutput(out, options.signal), options);
  const zip = new ZipOutput(out, options.signal);
  const counts = await runFormat(reader, format, zip, options);
  await zip.end();
  return counts;
}

async function finish(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** A folder export needs a new folder, or an empty one; it never writes into a folder that holds files. */
function checkFolderTarget(path: string): void {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory() || readdirSync(path).length > 0) {
    throw new AppError('invalid_input', errorMessage('export.bratFolderExists', { path }));
  }
}

/**
 * Exports to `path` through a temporary name renamed into place at the end, so a failed, cancelled or
 * interrupted export never leaves a half-written file (or folder, for brat) where a complete one is expected.
 */
export async function exportToFile(
  project: Project,
  format: ExportFormat,
  path: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const temporary = `${path}.partial-${process.pid}`;
  const named = { projectName: project.name, ...options };
  // A folder format written to a path ending in .zip is that folder zipped, as the browser downloads it.
  if (EXPORT_FORMAT_INFO[format].layout === 'folder' && !/\.zip$/i.test(path)) {
    checkFolderTarget(path);
    try {
      await mkdir(temporary);
      const counts = await project.withSnapshot((reader) =>
        runFormat(reader, format, new FolderOutput(temporary), named),
      );
      if (existsSync(path)) rmdirSync(path);
      await rename(temporary, path);
      return exportSummary(path, counts);
    } catch (error) {
      await rm(temporary, { recursive: true, force: true });
      throw error;
    }
  }
  const out = createWriteStream(temporary);
  try {
    // A folder that does not exist fails here, before anything is read.
    await once(out, 'open');
    const counts = await project.withSnapshot((reader) => exportDataset(reader, format, out, named));
    await finish(out);
    await rename(temporary, path);
    return exportSummary(path, counts);
  } catch (error) {
    // A write still in flight fails once the stream is destroyed; that failure is this one.
    out.on('error', () => {});
    if (!out.destroyed) {
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      out.destroy();
      await closed;
    }
    await rm(temporary, { force: true });
    throw error;
  }
}

/** What an export reports: where it went, its counts, and what its format could not hold. */
export function exportSummary(path: string, counts: ExportCounts): ExportSummary {
  return {
    path,
    documents: counts.documents,
    spans: counts.spans,
    ...(counts.warnings.length
      ? { warnings: counts.warnings.map(englishOf), warningsI18n: counts.warnings }
      : {}),
    warningCount: counts.warnings.length,
  };
}
