/**
 * How one document and its spans are written in each export format. Spans carry their text, sliced by code
 * points, so a consumer can check `text[start:end] == span.text` (Python) for every span.
 */
import type { Annotation, DocumentRecord, ExportFormat, Label } from '@shared/model';
import { OffsetIndex } from '@shared/offsets';

export interface ExportedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  note: string;
}

export function exportedSpans(document: DocumentRecord, annotations: Annotation[], labels: Map<string, Label>): ExportedSpan[] {
  const index = new OffsetIndex(document.text);
  return annotations.map((a) => ({
    id: a.id,
    start: a.start,
    end: a.end,
    label: labels.get(a.labelId)?.name ?? a.labelId,
    text: index.slice(a.start, a.end),
    note: a.note,
  }));
}

export interface FormatWriter {
  /** Written once before the first document. */
  header: string;
  /** The text for one document: a JSONL line, or CSV rows. */
  document(document: DocumentRecord, spans: ExportedSpan[]): string;
}

const canonicalJsonl: FormatWriter = {
  header: '',
  document: (document, spans) =>
    JSON.stringify({ id: document.id, title: document.title, text: document.text, spans }) + '\n',
};

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = ['doc_id', 'title', 'span_id', 'start', 'end', 'label', 'text', 'note'] as const;

function csvRow(fields: Array<string | number>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

const spansCsv: FormatWriter = {
  header: csvRow([...CSV_COLUMNS]),
  document: (document, spans) =>
    spans
      .map((s) => csvRow([document.id, document.title, s.id, s.start, s.end, s.label, s.text, s.note]))
      .join(''),
};

export const FORMAT_WRITERS: Record<ExportFormat, FormatWriter> = { jsonl: canonicalJsonl, csv: spansCsv };

export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = { jsonl: '.jsonl', csv: '.csv' };
