/**
 * The canonical format: one JSON document a line, everything Spanlight holds about it, each line carrying
 * `"schema": "spanlight-jsonl/2"` (resources/schemas/spanlight-jsonl.schema.json), so a line stands alone
 * when files are split, shuffled or concatenated. Importing it gives back the same documents, spans and links,
 * and their provenance (`meta`: file_name, outlet, published, url, language, external_id and extra keys); a
 * span accepted from a suggestion says so: `"origin": "suggestion"`.
 */
import type { ExportDocument } from '../dataset';
import { jsonLinesFormat } from './format';
import { provenanceRecord } from './provenance';

export const JSONL_SCHEMA = 'spanlight-jsonl/2';

export function canonicalLine({ document, spans, relations }: ExportDocument) {
  return {
    schema: JSONL_SCHEMA,
    id: document.id,
    title: document.title,
    status: document.status,
    text: document.text,
    meta: provenanceRecord(document.meta),
    spans: spans.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      note: s.note,
      attributes: s.attributes,
      annotator: s.annotator,
      // Only where it says something: a span without it was made by hand (and schema 2 lines stay as they were).
      ...(s.origin ? { origin: s.origin } : {}),
    })),
    relations: relations.map((r) => ({ id: r.id, from: r.from, to: r.to, type: r.type })),
  };
}

export const jsonl = jsonLinesFormat(canonicalLine);
