/**
 * Reads the canonical JSONL that Spanlight exports (one document a line, spans in code points, each with its
 * text), so an export re-imports losslessly. A file is all or nothing: every line is checked before anything
 * is written, and any problem rejects the file with `file:line: reason`.
 */
import { z } from 'zod';
import type { AttributeValues } from '@shared/model';
import { OffsetIndex, checkSpanBounds } from '@shared/offsets';

const MAX_PROBLEMS = 50;

const spanSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  start: z.number().int(),
  end: z.number().int(),
  label: z.string().min(1).max(200),
  text: z.string().optional(),
  note: z.string().nullable().optional(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const lineSchema = z.object({
  id: z.string().min(1).max(200).optional(),
  title: z.string().optional(),
  text: z.string().min(1),
  spans: z.array(spanSchema).default([]),
});

export interface ParsedSpan {
  id?: string;
  start: number;
  end: number;
  label: string;
  note: string;
  attributes: AttributeValues;
}

export interface ParsedDocument {
  line: number;
  id?: string;
  title?: string;
  text: string;
  spans: ParsedSpan[];
}

export type ParsedFile = { ok: true; documents: ParsedDocument[] } | { ok: false; problems: string[] };

function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

function checkSpans(spans: z.infer<typeof spanSchema>[], text: string): { spans: ParsedSpan[]; problems: string[] } {
  const index = new OffsetIndex(text);
  const problems: string[] = [];
  const parsed: ParsedSpan[] = [];
  spans.forEach((span, i) => {
    const name = `span ${i + 1}${span.id ? ` (${span.id})` : ''}`;
    const bounds = checkSpanBounds(span, index.codePointLength);
    if (bounds) {
      problems.push(`${name}: ${bounds}`);
      return;
    }
    const actual = index.slice(span.start, span.end);
    if (span.text !== undefined && span.text !== actual) {
      problems.push(
        `${name}: its text ${JSON.stringify(span.text)} does not match the document text ${JSON.stringify(actual)} at [${span.start}, ${span.end})`,
      );
      return;
    }
    parsed.push({ id: span.id, start: span.start, end: span.end, label: span.label, note: span.note ?? '', attributes: span.attributes ?? {} });
  });
  return { spans: parsed, problems };
}

export function parseCanonicalJsonl(fileName: string, content: string): ParsedFile {
  const documents: ParsedDocument[] = [];
  const problems: string[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const where = `${fileName}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      problems.push(`${where}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const result = lineSchema.safeParse(json);
    if (!result.success) {
      problems.push(`${where}: ${describeZodError(result.error)}`);
      continue;
    }
    const checked = checkSpans(result.data.spans, result.data.text);
    problems.push(...checked.problems.map((p) => `${where}: ${p}`));
    documents.push({ line: i + 1, id: result.data.id, title: result.data.title, text: result.data.text, spans: checked.spans });
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS) };
  if (documents.length === 0) return { ok: false, problems: [`${fileName}: it holds no documents`] };
  return { ok: true, documents };
}
