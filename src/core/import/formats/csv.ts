/**
 * Reads documents from a CSV: one document a row, its text from a chosen column (and optionally its title,
 * id and provenance from others: `metaColumns`, ../metaRecord.ts). The header row names the columns; records are read by csv-parse (csvRecords.ts). Line
 * breaks inside a text become LF, like every imported text. A file on disk is read a piece at a time, twice
 * (checked, then inserted), like a JSON Lines file; bytes the renderer sent are read from memory.
 */
import { importMessage } from '@shared/messages/keys';
import type { CsvColumns } from '@shared/datasets';
import { checkedFileLines } from '../lineReader';
import type { Message } from '@shared/messages/message';
import { Problems, checkDocument, noDocuments, type ParsedDocument, type ParsedFile } from '../parsed';
import { CHECKPOINT_LINES } from './jsonlStream';
import { CsvSyntaxError, csvRecords, type CsvRecord } from './csvRecords';

/** Where each chosen column is in a row: the text's, the title's and id's when asked for, each metadata key's. */
interface ColumnIndexes {
  text: number;
  title?: number;
  id?: number;
  meta: Array<readonly [key: string, at: number]>;
}

/** The header's position of each chosen column, or problems naming those it lacks. */
function columnIndexes(
  fileName: string,
  header: CsvRecord,
  columns: CsvColumns,
  problems: Problems,
): ColumnIndexes | null {
  let missing = false;
  // `key`: the metadata key a `meta` column fills.
  const indexOf = (column: string, role: 'text' | 'title' | 'id' | 'meta', key?: string): number => {
    const at = header.fields.indexOf(column);
    if (at === -1) {
      missing = true;
      problems.add(
        importMessage(`csv.noColumn.${role}`, {
          where: `${fileName}:${header.line}`,
          column: JSON.stringify(column),
          columns: header.fields.join(', '),
          ...(key !== undefined && { key }),
        }),
      );
    }
    return at;
  };
  const optional = (column: string | undefined, role: 'title' | 'id') =>
    column === undefined ? undefined : indexOf(column, role);
  const at: ColumnIndexes = {
    text: indexOf(columns.textColumn, 'text'),
    title: optional(columns.titleColumn, 'title'),
    id: optional(columns.idColumn, 'id'),
    meta: Object.entries(columns.metaColumns ?? {}).map(
      ([key, column]) => [key, indexOf(column, 'meta', key)] as const,
    ),
  };
  return missing ? null : at;
}

/** The document of one row (the header already matched); a problem when the row cannot be one. */
function documentOf(where: string, row: CsvRecord, at: ColumnIndexes): ParsedDocument | Message {
  const text = row.fields[at.text]!.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return importMessage('document.emptyText', { where });
  const id = at.id !== undefined ? row.fields[at.id] : undefined;
  return {
    where,
    text,
    title: at.title !== undefined ? row.fields[at.title] : undefined,
    id: id || undefined,
    spans: [],
    relations: [],
    // An empty cell says nothing: no key, rather than an extra key holding "".
    ...(at.meta.length > 0 && {
      meta: Object.fromEntries(
        at.meta.map(([key, index]) => [key, row.fields[index]!]).filter(([, value]) => value !== ''),
      ),
    }),
  };
}

/**
 * The documents of a CSV's records, each checked; problems (syntax ones included) go to `problems`. Yields
 * 'checkpoint' every CHECKPOINT_LINES rows, where an async import lets the app breathe.
 */
export function* csvDocuments(
  fileName: string,
  records: Iterable<CsvRecord>,
  columns: CsvColumns,
  problems: Problems,
): Generator<ParsedDocument | 'checkpoint'> {
  let at: ColumnIndexes | null = null;
  let width = 0;
  let rows = 0;
  try {
    for (const row of records) {
      if (problems.full) return;
      if (at === null) {
        at = columnIndexes(fileName, row, columns, problems);
        if (at === null) return;
        width = row.fields.length;
        continue;
      }
      if (++rows % CHECKPOINT_LINES === 0) yield 'checkpoint';
      const where = `${fileName}:${row.line}`;
      if (row.fields.length !== width) {
        problems.add(importMessage('csv.fieldCount', { where, count: row.fields.length, width }));
        continue;
      }
      const document = documentOf(where, row, at);
      const found = 'ns' in document ? [document] : checkDocument(document);
      for (const problem of found) problems.add(problem);
      if (found.length === 0) yield document as ParsedDocument;
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems.add(error.problem(`${fileName}:${error.line}`));
    return;
  }
  if (at === null && problems.list.length === 0)
    problems.add(importMessage('csv.noRows', { where: fileName }));
}

/** A CSV held in memory, read whole. */
export function parseCsvDocuments(fileName: string, content: string, columns: CsvColumns): ParsedFile {
  const problems = new Problems();
  const documents: ParsedDocument[] = [];
  for (const step of csvDocuments(fileName, csvRecords([Buffer.from(content)]), columns, problems))
    if (step !== 'checkpoint') documents.push(step);
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  if (documents.length === 0) return { ok: false, problems: [noDocuments(fileName)] };
  return { ok: true, documents };
}

/** How much of a file csv-parse is given at a time. */
const PIECE_BYTES = 1 << 20;

/** A file's checked lines (UTF-8, no NUL), joined again into pieces for the parser. */
function* filePieces(path: string, problems: Problems): Generator<Buffer> {
  let lines: Buffer[] = [];
  let size = 0;
  const LF = Buffer.from('\n');
  for (const { bytes } of checkedFileLines(path, problems)) {
    // Copied: the reader reuses its buffer for the next megabyte.
    lines.push(Buffer.from(bytes), LF);
    size += bytes.length + 1;
    if (size >= PIECE_BYTES) {
      yield Buffer.concat(lines, size);
      lines = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(lines, size);
}

/** A CSV file on disk, read a piece at a time: its documents, each checked. */
export function streamCsv(
  fileName: string,
  path: string,
  columns: CsvColumns,
  problems: Problems,
): Generator<ParsedDocument | 'checkpoint'> {
  return csvDocuments(fileName, csvRecords(filePieces(path, problems)), columns, problems);
}
