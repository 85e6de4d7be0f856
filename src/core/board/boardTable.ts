/**
 * The board as a table to hand on: one row a span, the columns of BOARD_COLUMNS. CSV (RFC 4180, by
 * csv-stringify) or JSON (an array of objects, `denied_by` an array). The CLI and the app write the same.
 */
import { stringify } from 'csv-stringify/sync';
import {
  BOARD_COLUMNS,
  DENIED_BY_SEPARATOR,
  type Board,
  type BoardRow,
  type BoardTableFormat,
} from '@shared/board';

type Column = (typeof BOARD_COLUMNS)[number];
type Cell = string | number | boolean | null | string[];

function record(row: BoardRow): Record<Column, Cell> {
  return {
    topic: row.topic,
    label: row.label,
    value: row.value,
    unit: row.unit,
    approximate: row.approximate,
    source: row.source,
    outlet: row.outlet,
    published: row.published,
    doc_id: row.documentId,
    file_name: row.fileName,
    start: row.start,
    end: row.end,
    text: row.text,
    denied_by: row.deniedBy,
    id: row.annotationId,
    source_from: row.sourceFrom,
    title: row.documentTitle,
  };
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (Array.isArray(cell)) return cell.join(DENIED_BY_SEPARATOR);
  return String(cell);
}

export function boardTable(board: Board, format: BoardTableFormat): string {
  const rows = board.topics.flatMap((t) => t.rows).map(record);
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  return stringify(
    rows.map((row) => BOARD_COLUMNS.map((column) => csvCell(row[column]))),
    { header: true, columns: [...BOARD_COLUMNS], record_delimiter: '\r\n' },
  );
}
