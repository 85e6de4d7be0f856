/**
 * Reads doccano JSONL: `{"text", "label": [[start, end, label], ...]}` (sequence labelling; also the older
 * `labels` key), or the relation-project form `{"text", "entities": [{"id","label","start_offset",
 * "end_offset"}], "relations": [{"id","from_id","to_id","type"}]}`. Offsets are code points. `id`, `title`
 * and `status` (top level or in `meta`) are kept when present. The other keys of `meta`, and the top-level
 * keys doccano itself does not use (an export's `Comments`, a column of the uploaded file), are the document's
 * provenance (../metaRecord.ts).
 */
import { z } from 'zod';
import { linkType } from '@shared/labelRules';
import { DOCUMENT_STATUSES } from '@shared/model';
import type { ParsedDocument, ParsedFile, Problems } from '../parsed';
import { without } from '../metaRecord';
import { invalidLine, parseJsonLines, rawObject } from './jsonLines';

const DOCUMENT_KEYS = ['id', 'title', 'status'];
const LINE_KEYS = [...DOCUMENT_KEYS, 'meta', 'text', 'label', 'labels', 'entities', 'relations'];

const id = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);
// A label's rules are checked with every format's (parsed.ts).
const tuple = z.tuple([z.number().int(), z.number().int(), z.string()]);
const entity = z.object({
  id: id.optional(),
  label: z.string(),
  start_offset: z.number().int(),
  end_offset: z.number().int(),
});
const relation = z.object({
  id: id.optional(),
  from_id: id,
  to_id: id,
  type: linkType,
});
const meta = z
  .object({ id: id.optional(), title: z.string().optional(), status: z.enum(DOCUMENT_STATUSES).optional() })
  .passthrough();

const lineSchema = z.object({
  id: id.optional(),
  title: z.string().optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  meta: meta.optional(),
  text: z.string().min(1),
  label: z.array(tuple).optional(),
  labels: z.array(tuple).optional(),
  entities: z.array(entity).optional(),
  relations: z.array(relation).optional(),
});

/** A line that looks like doccano rather than Spanlight's JSONL. */
export function looksLikeDoccano(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.text === 'string' &&
    !('spans' in line) &&
    (Array.isArray(line.label) || Array.isArray(line.labels) || Array.isArray(line.entities))
  );
}

/** One line's document, or null with its problem added. */
export function doccanoLine(where: string, value: unknown, problems: Problems): ParsedDocument | null {
  const result = lineSchema.safeParse(value);
  if (!result.success) {
    problems.add(invalidLine(where, result.error));
    return null;
  }
  const data = result.data;
  const tuples = [...(data.label ?? []), ...(data.labels ?? [])].map(([start, end, label], i) => ({
    key: `#${i}`,
    start,
    end,
    label,
  }));
  const entities = (data.entities ?? []).map((e, i) => ({
    key: e.id ?? `entity-${i}`,
    start: e.start_offset,
    end: e.end_offset,
    label: e.label,
  }));
  return {
    where,
    id: data.id ?? data.meta?.id,
    title: data.title ?? data.meta?.title,
    status: data.status ?? data.meta?.status,
    text: data.text,
    spans: [...tuples, ...entities].map((s) => ({ ...s, note: '', attributes: {} })),
    relations: (data.relations ?? []).map((r) => ({ id: r.id, from: r.from_id, to: r.to_id, type: r.type })),
    // `meta` wins over a top-level key of the same name: it is where Spanlight writes the provenance.
    meta: {
      ...without(value as Record<string, unknown>, LINE_KEYS),
      ...without(rawObject(value, 'meta'), DOCUMENT_KEYS),
    },
  };
}

export function parseDoccano(fileName: string, content: string): ParsedFile {
  return parseJsonLines(fileName, content, doccanoLine);
}
