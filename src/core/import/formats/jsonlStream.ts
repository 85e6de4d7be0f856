/**
 * JSON Lines files on disk (Spanlight's JSONL, doccano), read a line at a time in constant memory: a first
 * pass checks every line, a second (inside the file's transaction) reads them again to insert. The same
 * per-line readers and checks as reading the file whole, and the same messages.
 */
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { firstInvalidUtf8Offset } from '../decode';
import { fileLines, fileStart } from '../lineReader';
import { Problems, checkDocument, type ParsedDocument } from '../parsed';
import { canonicalLine } from './jsonl';
import { doccanoLine, looksLikeDoccano } from './doccano';

export type LineFormat = 'jsonl' | 'doccano';

const PARSERS = { jsonl: canonicalLine, doccano: doccanoLine };

/** A checkpoint every this many lines, where an async reader lets the app breathe and a cancel land. */
const CHECKPOINT_LINES = 500;

/**
 * Which line format a file on disk is read as, or null when it is not read line by line (another format,
 * or UTF-16, which is read whole).
 */
export function lineFormatOf(path: string, forced: string | null): LineFormat | null {
  if (forced !== null && forced !== 'jsonl' && forced !== 'doccano') return null;
  if (forced === null && !['.jsonl', '.ndjson'].includes(extname(path).toLowerCase())) return null;
  const start = fileStart(path);
  if (
    start.length === 0 ||
    (start[0] === 0xff && start[1] === 0xfe) ||
    (start[0] === 0xfe && start[1] === 0xff)
  )
    return null;
  if (forced !== null) return forced as LineFormat;
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
  format: LineFormat,
  problems: Problems,
): Generator<ParsedDocument | 'checkpoint'> {
  const parse = PARSERS[format];
  for (const { number, offset, bytes } of fileLines(path)) {
    if (problems.full) return;
    if (number % CHECKPOINT_LINES === 0) yield 'checkpoint';
    const bom = number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const line = bytes.subarray(
      bom,
      bytes.length > bom && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length,
    );
    const nul = line.indexOf(0);
    if (nul !== -1) {
      problems.add(`it looks binary (a NUL byte at byte ${offset + bom + nul})`);
      return;
    }
    if (!isUtf8(line)) {
      problems.add(
        `it is not valid UTF-8 (first bad byte at offset ${offset + bom + firstInvalidUtf8Offset(line)})`,
      );
      return;
    }
    const text = line.toString('utf8');
    if (text.trim() === '') continue;
    const where = `${fileName}:${number}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.add(`${where}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const document = parse(where, value, problems);
    if (!document) continue;
    const found = checkDocument(document);
    for (const problem of found) problems.add(problem);
    if (found.length === 0) yield document;
  }
}
