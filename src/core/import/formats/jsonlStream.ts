/**
 * JSON Lines files on disk (Spanlight's JSONL, doccano), read a line at a time in constant memory: a first
 * pass checks every line, a second (inside the file's transaction) reads them again to insert. The same
 * per-line readers and checks as reading the file whole, and the same messages. CSV files on disk are read
 * the same way, a record at a time (formats/csv.ts): which files are is decided here.
 */
import { extname } from 'node:path';
import { checkedFileLines, fileStart } from '../lineReader';
import { Problems, checkDocument, type ParsedDocument } from '../parsed';
import { canonicalLine } from './jsonl';
import { notJson } from './jsonLines';
import { doccanoLine, looksLikeDoccano } from './doccano';

/** The formats a file on disk is read in pieces as: JSON Lines a line at a time, CSV a record at a time. */
export type LineFormat = 'jsonl' | 'doccano' | 'csv';
type JsonLineFormat = Exclude<LineFormat, 'csv'>;

const PARSERS = { jsonl: canonicalLine, doccano: doccanoLine };

/** A checkpoint every this many lines, where an async reader lets the app breathe and a cancel land. */
export const CHECKPOINT_LINES = 500;

/**
 * Which format a file on disk is read in pieces as, or null when it is read whole (another format, or UTF-16,
 * which is decoded whole).
 */
export function lineFormatOf(path: string, forced: string | null): LineFormat | null {
  if (forced !== null && forced !== 'jsonl' && forced !== 'doccano' && forced !== 'csv') return null;
  const extension = extname(path).toLowerCase();
  if (forced === null && !['.jsonl', '.ndjson', '.csv'].includes(extension)) return null;
  const start = fileStart(path);
  if (
    start.length === 0 ||
    (start[0] === 0xff && start[1] === 0xfe) ||
    (start[0] === 0xfe && start[1] === 0xff)
  )
    return null;
  if (forced !== null) return forced as LineFormat;
  if (extension === '.csv') return 'csv';
  const text = start.toString('utf8').replace(/^\ufeff/, '');
  const first = text.split('\n').find((line) => line.trim() !== '');
  try {
    return first !== undefined && looksLikeDoccano(JSON.parse(first)) ? 'doccano' : 'jsonl';
  } catch {
    return 'jsonl';
  }
}

/** The file's documents, each checked; problems go to `problems`. Yields 'checkpoint' now and then. */
export function* streamJsonLines(
  fileName: string,
  path: string,
  format: JsonLineFormat,
  problems: Problems,
): Generator<ParsedDocument | 'checkpoint'> {
  const parse = PARSERS[format];
  for (const { number, bytes } of checkedFileLines(path, problems)) {
    if (number % CHECKPOINT_LINES === 0) yield 'checkpoint';
    const text = bytes.toString('utf8');
    if (text.trim() === '') continue;
    const where = `${fileName}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.add(notJson(where, error));
      continue;
    }
    const document = parse(where, value, problems);
    if (!document) continue;
    const found = checkDocument(document);
    for (const problem of found) problems.add(problem);
    if (found.length === 0) yield document;
  }
}
