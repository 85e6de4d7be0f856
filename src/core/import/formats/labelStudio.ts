/**
 * Reads Label Studio JSON: an array of tasks (or one task). A task's text is `data.text` (or the first string
 * in `data`); its spans are the `labels` regions of its annotations (all of them; `predictions` are not
 * read), with the region's `meta.text` as the note, per-region `choices`, `number`, `textarea` and `rating`
 * results as attributes (named by `from_name`), and `relation` results as links. Offsets are code points, as
 * Label Studio stores them. Spanlight's own keys (`data.spanlight_id`, `data.title`, `data.status`,
 * `spanlight_annotator`) are kept when present. The task's other `data` keys and its `meta` are the
 * document's provenance (../metaRecord.ts; `meta` wins over a `data` key of the same name). Each task is
 * reported at the line where it starts.
 */
import { fileAnnotator } from '@shared/labelRules';
import { importMessage } from '@shared/messages/keys';
import type { Message } from '@shared/messages/message';
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '@shared/model';
import { setOwn } from '@shared/ownKeys';
import {
  Problems,
  finishParse,
  type ParsedDocument,
  type ParsedFile,
  type ParsedRelation,
  type ParsedSpan,
} from '../parsed';
import { LineCounter } from '../lineCounter';
import { without } from '../metaRecord';
import { describeZodError, notJson, rawObject } from './jsonLines';

const value = z
  .object({
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    text: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .passthrough();
const result = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    type: z.string(),
    from_name: z.string().optional(),
    value: value.optional(),
    meta: z
      .object({ text: z.array(z.string()).optional() })
      .passthrough()
      .optional(),
    from_id: z.union([z.string(), z.number()]).transform(String).optional(),
    to_id: z.union([z.string(), z.number()]).transform(String).optional(),
    labels: z.array(z.string()).optional(),
    spanlight_id: z.string().optional(),
  })
  .passthrough();
const taskSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    data: z.record(z.string(), z.unknown()),
    annotations: z
      .array(
        z
          .object({
            result: z.array(result).default([]),
            spanlight_annotator: z.string().nullable().optional(),
          })
          .passthrough(),
      )
      .default([]),
  })
  .passthrough();

/**
 * Where each top-level element of the JSON array opening at `open` starts and ends (string indexes), found
 * without parsing the values, one at a time; returns whether the array is closed with `]`.
 */
function* arrayElements(json: string, open: number): Generator<{ start: number; end: number }, boolean> {
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = open + 1; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (depth === 0 && start === -1 && !/[\s,\]]/.test(c)) start = i;
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) {
        if (start !== -1) yield { start, end: i };
        return true;
      }
      depth--;
    } else if (c === ',' && depth === 0 && start !== -1) {
      yield { start, end: i };
      start = -1;
    }
  }
  if (start !== -1) yield { start, end: json.length };
  return false;
}

function attributeOf(r: z.infer<typeof result>): string | number | boolean | undefined {
  const v = r.value as Record<string, unknown> | undefined;
  if (!v) return undefined;
  if (r.type === 'number' && typeof v.number === 'number') return v.number;
  if (r.type === 'rating' && typeof v.rating === 'number') return v.rating;
  if (r.type === 'choices' && Array.isArray(v.choices)) return v.choices.map(String).join(', ');
  if (r.type === 'textarea' && Array.isArray(v.text)) return v.text.map(String).join('\n');
  return undefined;
}

/** Spanlight's own keys in a task's `data`: the document's fields, not its provenance. */
const SPANLIGHT_DATA_KEYS = ['spanlight_id', 'title', 'status'];

/** `raw` is the task as parsed from JSON, whose `meta` keeps every key (zod's copy drops unknown ones). */
function taskDocument(
  where: string,
  task: z.infer<typeof taskSchema>,
  raw: unknown,
  problems: Problems,
): ParsedDocument | null {
  const data = task.data;
  const textKey =
    typeof data.text === 'string' ? 'text' : Object.keys(data).find((key) => typeof data[key] === 'string');
  const text = textKey === undefined ? undefined : (data[textKey] as string);
  if (!text) {
    problems.add(importMessage('labelStudio.noText', { where }));
    return null;
  }
  const spans: ParsedSpan[] = [];
  const relations: ParsedRelation[] = [];
  for (const annotation of task.annotations) {
    const byRegion = new Map<string, ParsedSpan>();
    const regionResults = annotation.result.filter((r) => r.type !== 'relation');
    for (const r of regionResults) {
      if (r.type !== 'labels') continue;
      const labels = (r.value as { labels?: unknown } | undefined)?.labels;
      if (
        r.value?.start === undefined ||
        r.value.end === undefined ||
        !Array.isArray(labels) ||
        labels.length === 0
      ) {
        problems.add(importMessage('labelStudio.region', { where, id: r.id ?? '?' }));
        continue;
      }
      // A region with several labels is one span per label.
      labels.forEach((label, k) => {
        const span: ParsedSpan = {
          key: k === 0 ? r.id : `${r.id}#${k}`,
          id: k === 0 ? r.id : undefined,
          start: r.value!.start!,
          end: r.value!.end!,
          label: String(label),
          note: r.meta?.text?.join('\n') ?? '',
          attributes: {},
          ...(typeof r.value!.text === 'string' ? { text: r.value!.text } : {}),
          ...(annotation.spanlight_annotator !== undefined
            ? { annotator: fileAnnotator(annotation.spanlight_annotator) }
            : {}),
        };
        spans.push(span);
        if (k === 0 && r.id) byRegion.set(r.id, span);
      });
    }
    for (const r of regionResults) {
      if (r.type === 'labels' || !r.id || !r.from_name) continue;
      const span = byRegion.get(r.id);
      const attribute = attributeOf(r);
      if (span && attribute !== undefined) setOwn(span.attributes, r.from_name, attribute);
    }
    for (const r of annotation.result) {
      if (r.type !== 'relation' || !r.from_id || !r.to_id) continue;
      relations.push({ id: r.spanlight_id, from: r.from_id, to: r.to_id, type: r.labels?.[0] ?? 'related' });
    }
  }
  const status = DOCUMENT_STATUSES.find((s) => s === data.status);
  return {
    where,
    id: typeof data.spanlight_id === 'string' ? data.spanlight_id : undefined,
    title: typeof data.title === 'string' ? data.title : undefined,
    status,
    text,
    spans,
    relations,
    meta: {
      ...without(rawObject(raw, 'data'), [textKey!, ...SPANLIGHT_DATA_KEYS]),
      ...rawObject(raw, 'meta'),
    },
  };
}

/**
 * The tasks of a Label Studio file, checked. Yields its phase after each task, where an import job lets the
 * app breathe and a cancel land; line numbers are counted as the tasks are read, once over the file.
 */
export function* parseLabelStudio(fileName: string, content: string): Generator<Message, ParsedFile> {
  const problems = new Problems();
  const documents: ParsedDocument[] = [];
  const lines = new LineCounter(content);
  const first = content.search(/\S/);
  const elements =
    content[first] === '['
      ? arrayElements(content, first)
      : (function* () {
          yield { start: first, end: content.length };
          return true;
        })();
  for (let next = elements.next(); ; next = elements.next()) {
    if (next.done) {
      if (!next.value && !problems.full)
        problems.add(
          importMessage('labelStudio.notClosed', { where: `${fileName}:${lines.lineAt(content.length)}` }),
        );
      break;
    }
    if (problems.full) break;
    yield importMessage('phase.checkingTasks', { file: fileName, count: documents.length });
    const { start, end } = next.value;
    const where = `${fileName}:${lines.lineAt(start)}`;
    let json: unknown;
    try {
      json = JSON.parse(content.slice(start, end));
    } catch (error) {
      problems.add(notJson(where, error));
      continue;
    }
    const parsed = taskSchema.safeParse(json);
    if (!parsed.success) {
      problems.add(importMessage('labelStudio.notTask', { where, detail: describeZodError(parsed.error) }));
      continue;
    }
    const document = taskDocument(where, parsed.data, json, problems);
    if (document) documents.push(document);
  }
  return finishParse(fileName, documents, problems);
}
