/**
 * Reads Spanlight's canonical JSONL (schema 2, and schema 1 lines that carry no `schema`), and the spaCy
 * JSONL Spanlight writes (`meta` holds the id, title and status), so an export re-imports losslessly. The
 * other keys of `meta` are the document's provenance (../metaRecord.ts).
 */
import { importMessage } from '@shared/messages/keys';
import { z } from 'zod';
import { fileAnnotator, linkType } from '@shared/labelRules';
import { DOCUMENT_STATUSES } from '@shared/model';
import { JSONL_SCHEMA } from '../../export/formats/jsonl';
import type { ParsedDocument, ParsedFile, Problems } from '../parsed';
import { without } from '../metaRecord';
import { attributeRecord, invalidLine, parseJsonLines, rawObject } from './jsonLines';

/** The keys of `meta` that are the document's own fields, not its provenance. */
const DOCUMENT_KEYS = ['id', 'title', 'status'];

const spanSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  start: z.number().int(),
  end: z.number().int(),
  // Its rules are checked with every format's (parsed.ts).
  label: z.string(),
  text: z.string().optional(),
  note: z.string().nullable().optional(),
  attributes: attributeRecord.optional(),
  annotator: z.string().nullable().optional(),
  origin: z
    .literal('suggestion', {
      error: (issue) =>
        `origin ${JSON.stringify(issue.input)} is not "suggestion" (leave it out for a span made by hand)`,
    })
    .optional(),
});

const relationSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  from: z.string().min(1),
  to: z.string().min(1),
  type: linkType,
});

const lineSchema = z.object({
  schema: z.string().optional(),
  id: z.string().min(1).max(200).optional(),
  title: z.string().optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  meta: z
    .object({
      id: z.string().min(1).max(200).optional(),
      title: z.string().optional(),
      status: z.enum(DOCUMENT_STATUSES).optional(),
    })
    .optional(),
  text: z.string().min(1),
  spans: z.array(spanSchema).default([]),
  relations: z.array(relationSchema).default([]),
});

/** One line's document, or null with its problem added. */
export function canonicalLine(where: string, value: unknown, problems: Problems): ParsedDocument | null {
  const result = lineSchema.safeParse(value);
  if (!result.success) {
    problems.add(invalidLine(where, result.error));
    return null;
  }
  const data = result.data;
  if (data.schema !== undefined && data.schema !== JSONL_SCHEMA) {
    problems.add(
      importMessage('line.newerSchema', {
        where,
        found: JSON.stringify(data.schema),
        expected: JSON.stringify(JSONL_SCHEMA),
      }),
    );
    return null;
  }
  return {
    where,
    id: data.id ?? data.meta?.id,
    title: data.title ?? data.meta?.title,
    status: data.status ?? data.meta?.status,
    text: data.text,
    spans: data.spans.map((s) => ({
      key: s.id,
      id: s.id,
      start: s.start,
      end: s.end,
      label: s.label,
      text: s.text,
      note: s.note ?? '',
      attributes: s.attributes ?? {},
      ...(s.annotator !== undefined ? { annotator: fileAnnotator(s.annotator) } : {}),
      ...(s.origin ? { origin: s.origin } : {}),
    })),
    relations: data.relations,
    // From the line as parsed, not zod's copy, which drops keys it does not know (and a `__proto__` key).
    meta: without(rawObject(value, 'meta'), DOCUMENT_KEYS),
  };
}

export function parseCanonicalJsonl(fileName: string, content: string): ParsedFile {
  return parseJsonLines(fileName, content, canonicalLine);
}
