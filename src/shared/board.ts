/**
 * The claim board: per topic, every annotation that carries it, with its figure, who says it (the source
 * rule, src/core/board/sourceRule.ts), the document's outlet and date, and the denials linked to it. One row
 * a span; the CLI and the app export the same rows (BOARD_COLUMNS).
 */

/** Where a row's source came from: its own `source` attribute, its enclosing claim's, or the document's outlet. */
export type SourceOrigin = 'own' | 'claim' | 'outlet';

export interface BoardRow {
  topic: string;
  annotationId: string;
  /** The label's name (claim, number, denial, …). */
  label: string;
  value: number | null;
  unit: string | null;
  approximate: boolean;
  source: string | null;
  sourceFrom: SourceOrigin | null;
  outlet: string | null;
  /** ISO 8601 date, optionally with time; null when the document has none. */
  published: string | null;
  documentId: string;
  documentTitle: string;
  fileName: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Ids of the denials linked to this span (or to the claim that encloses it). */
  deniedBy: string[];
}

export interface BoardTopic {
  topic: string;
  rows: BoardRow[];
  /** The lowest and highest figure reported on this topic, or null when no row has a value. */
  spread: { low: number; high: number } | null;
}

export interface Board {
  topics: BoardTopic[];
}

/** The columns of the exported table, in order (the CLI's `--format csv`). */
export const BOARD_COLUMNS = [
  'topic',
  'label',
  'value',
  'unit',
  'approximate',
  'source',
  'outlet',
  'published',
  'doc_id',
  'file_name',
  'start',
  'end',
  'text',
  'denied_by',
  'id',
  'source_from',
  'title',
] as const;

/** Joins the ids in the CSV's `denied_by` cell (JSON gives an array): ids the app makes are UUIDs, without it. */
export const DENIED_BY_SEPARATOR = ';';

export const BOARD_TABLE_FORMATS = ['csv', 'json'] as const;
export type BoardTableFormat = (typeof BOARD_TABLE_FORMATS)[number];
