/**
 * Streams a project's dataset into any writable stream, a page of documents at a time, waiting for the
 * stream to drain: memory stays flat however large the project, and a slow disk slows the export instead of
 * filling memory.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { ExportFormat, ExportSummary } from '@shared/model';
import type { Project, ProjectReader } from '../project/project';
import { FORMAT_WRITERS, exportedSpans } from './formats';

const PAGE_SIZE = 200;

export interface ExportCounts {
  documents: number;
  spans: number;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await once(out, 'drain');
}

export async function exportDataset(reader: ProjectReader, format: ExportFormat, out: Writable): Promise<ExportCounts> {
  const writer = FORMAT_WRITERS[format];
  const labels = new Map(reader.labels.list().map((label) => [label.id, label]));
  const counts: ExportCounts = { documents: 0, spans: 0 };
  await write(out, writer.header);
  let after = 0;
  for (;;) {
    const page = reader.documents.page(after, PAGE_SIZE);
    if (page.length === 0) break;
    const annotations = reader.annotations.listByDocuments(page.map((d) => d.id));
    let chunk = '';
    for (const document of page) {
      const spans = exportedSpans(document, annotations.get(document.id) ?? [], labels);
      chunk += writer.document(document, spans);
      counts.documents++;
      counts.spans += spans.length;
    }
    await write(out, chunk);
    after = page[page.length - 1]!.rowid;
  }
  return counts;
}

/**
 * Exports to a file through a temporary name renamed into place at the end, so a failed or interrupted
 * export never leaves a half-written file where a complete one is expected.
 */
export async function exportToFile(project: Project, format: ExportFormat, path: string): Promise<ExportSummary> {
  const temporary = `${path}.partial-${process.pid}`;
  const out = createWriteStream(temporary, { encoding: 'utf8' });
  try {
    const counts = await project.withSnapshot((reader) => exportDataset(reader, format, out));
    out.end();
    await once(out, 'finish');
    await rename(temporary, path);
    return { path, ...counts };
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
