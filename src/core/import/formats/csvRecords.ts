/**
 * CSV records read by csv-parse, fed a piece at a time so a file of any size is read in the memory of its
 * largest record. RFC 4180 with the leniency CSV files in the wild need: records end with CRLF, LF or CR (mixed
 * in one file too), fields may be quoted (quotes doubled inside) and then hold commas and line breaks, empty
 * lines are skipped, a UTF-8 BOM is dropped. Rows of any length come through: the caller compares them with
 * the header, to say which row is short.
 *
 * The parser is csv-parse's stream, driven synchronously (write a piece, read the records it made): the
 * importer checks a file inside a generator and inserts it inside a synchronous SQLite transaction, where no
 * promise can be awaited.
 */
import { importMessage } from '@shared/messages/keys';
import { Parser, type CsvError } from 'csv-parse';
import { LIMITS } from '@shared/contract';
import type { Message } from '@shared/messages/message';

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  fields: string[];
}

/** Our words for csv-parse's errors, the ones a hand-edited file runs into: keys of `csv.syntax` in imports. */
const REASONS = {
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
  CSV_INVALID_CLOSING_QUOTE: 'textAfterQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'textAfterQuote',
  INVALID_OPENING_QUOTE: 'quoteInside',
  CSV_MAX_RECORD_SIZE: 'recordTooLong',
} as const satisfies Partial<Record<CsvError['code'], string>>;

/** A file that is not CSV, at `line`; csv-parse's own words when ours have none for it. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly code: CsvError['code'],
    detail: string,
  ) {
    super(detail);
  }

  /** The problem, in our words when we have them; `where` names the file and the line. */
  problem(where: string): Message {
    const reason = (REASONS as Partial<Record<string, (typeof REASONS)[keyof typeof REASONS]>>)[this.code];
    return reason
      ? importMessage(`csv.syntax.${reason}`, { where })
      : importMessage('csv.syntax.other', { where, detail: this.message });
  }
}

/** No record of an importable file is longer: a document holds at most LIMITS.maxOffset code points of 4 bytes. */
const MAX_RECORD_BYTES = 4 * LIMITS.maxOffset + (1 << 16);

const LINE_BREAKS = /\r\n|\r|\n/g;

interface ParsedRecord {
  record: string[];
  info: { empty_lines: number };
}

/** The records of the pieces, in order; throws CsvSyntaxError at the first thing that is not CSV. */
export function* csvRecords(pieces: Iterable<Buffer>): Generator<CsvRecord> {
  const parser = new Parser({
    bom: true,
    info: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  // The stream also emits its error (on the next tick); it is read synchronously below, from `errored`.
  parser.on('error', () => {});
  // Where each record starts is counted here, from the line breaks inside the previous one's fields and the
  // empty lines skipped since (csv-parse's own line count takes a CRLF inside a quoted field for two lines).
  let next = 1;
  let skipped = 0;
  const startOf = (emptyLines: number) => next + emptyLines - skipped;
  function* made(): Generator<CsvRecord> {
    for (let read = parser.read() as ParsedRecord | null; read !== null; read = parser.read()) {
      const line = startOf(read.info.empty_lines);
      let breaks = 0;
      for (const field of read.record) breaks += field.match(LINE_BREAKS)?.length ?? 0;
      next = line + breaks + 1;
      skipped = read.info.empty_lines;
      yield { line, fields: read.record };
    }
    const error = parser.errored as CsvError | null;
    // Named by the line its record starts on: an open quote is only found at the end of the file.
    if (error) throw new CsvSyntaxError(startOf(Number(error.empty_lines)), error.code, error.message);
  }
  for (const piece of pieces) {
    parser.write(piece);
    yield* made();
  }
  parser.end();
  yield* made();
}
