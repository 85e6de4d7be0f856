/**
 * Spans, one a row, RFC 4180 (quoted only when needed, quotes doubled, CRLF row ends), UTF-8 without BOM.
 * The first eight columns are those of Spanlight 0.1. A document's rows are consecutive, and its whole text
 * is the last column of its first row, empty on the others: each span can be checked against it,
 * document_text[start:end] == text, by carrying the text down to the document's next rows. (On every row,
 * the text made a file of 884 MB for 200,000 spans over 42 MB of text.) A document without spans has no row.
 * Each row carries its document's provenance (file_name ... external_id, and the extra keys as one JSON object
 * in `meta_extra`), so rows group by outlet or date in a spreadsheet without a join.
 *
 * Spreadsheet mode (opt-in: `--excel`, the export dialog's checkbox) is for opening the file in Excel,
 * LibreOffice or Google Sheets: a UTF-8 BOM first (Excel reads the file as ANSI without it), and a `'` before
 * every cell that starts with what a spreadsheet runs as a formula (OWASP's list: = + - @ tab CR), so
 * `=HYPERLINK(…)` in an imported text stays text. That changes those cells, so the export says how many; the
 * default export writes every cell exactly.
 *
 * The rows are written by csvField/csvRow below, not by csv-stringify (which the CSV import's reader,
 * csv-parse, comes with): measured with `node scripts/bench-export.mjs --documents 10000 --formats csv
 * --before <the same build with csvRow on a reused csv-stringify Stringifier>`, three alternating rounds in one
 * run, CPU seconds (user + system) of the export of 10,000 documents (40,000 rows), csv-stringify took 0.73,
 * 0.76, 0.77 s against 0.57, 0.57, 0.59 s here (+33%), and with --excel 0.77, 0.79, 0.76 s against 0.65,
 * 0.58, 0.61 s (+26%); its synchronous `stringify` called once a document was slower still (+21% on the whole
 * export of 20,000 documents). Past the 10% the project allows a library, so the writer stays; RFC 4180 is
 * the rule it follows, and the tests read its output with Python's csv module.
 */
import type { Message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import { META_FIELDS } from '@shared/documentMeta';
import type { ExportFormatModule } from './format';
import { textFormat } from './format';

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  'doc_id',
  'title',
  'span_id',
  'start',
  'end',
  'label',
  'text',
  'note',
  'annotator',
  'status',
  'attributes',
  'file_name',
  'outlet',
  'published',
  'url',
  'language',
  'external_id',
  'meta_extra',
  'document_text',
] as const;

export function csvRow(fields: Array<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** What a spreadsheet runs as a formula at the start of a cell (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells written for a spreadsheet: those a spreadsheet would run get a `'` before them, and are counted. */
export class SpreadsheetCells {
  prefixed = 0;

  cell(value: string | number): string {
    if (typeof value !== 'string' || !FORMULA_START.test(value)) return String(value);
    this.prefixed++;
    return `'${value}`;
  }

  row(fields: Array<string | number>): string {
    return csvRow(fields.map((field) => this.cell(field)));
  }
}

export const SPREADSHEET_BOM = '\ufeff';

export function prefixedNotice(count: number): Message {
  return errorMessage('export.warning.csvPrefixed', { count });
}

export const csv: ExportFormatModule = {
  async write(run, out) {
    const cells = run.context.spreadsheet ? new SpreadsheetCells() : null;
    const row = (fields: Array<string | number>) => (cells ? cells.row(fields) : csvRow(fields));
    await textFormat({
      header: () => (cells ? SPREADSHEET_BOM : '') + row([...CSV_COLUMNS]),
      document: ({ document, spans }) => {
        const { meta } = document;
        const provenance = [
          meta.fileName,
          ...META_FIELDS.map((field) => meta[field] ?? ''),
          Object.keys(meta.extra).length > 0 ? JSON.stringify(meta.extra) : '',
        ];
        return spans
          .map((s, i) =>
            row([
              document.id,
              document.title,
              s.id,
              s.start,
              s.end,
              s.label,
              s.text,
              s.note,
              s.annotator ?? '',
              document.status,
              JSON.stringify(s.attributes),
              ...provenance,
              i === 0 ? document.text : '',
            ]),
          )
          .join('');
      },
    }).write(run, out);
    if (cells && cells.prefixed > 0) run.context.warn(prefixedNotice(cells.prefixed));
  },
};
