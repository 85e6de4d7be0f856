/**
 * What every import format parses a file into, before anything is written: documents with their spans and
 * links, each placed by `where` (`file:line`) for error messages. `checkDocument` holds the checks every
 * format shares: offsets inside the text, start before end, the span's own text (when the file gives one)
 * equal to the document's text there, links between spans of the same document, label names and link types
 * the app accepts (@shared/labelRules), the contract's limits (text length, notes) and the document's
 * provenance (dates, languages, lengths: @shared/documentMeta), so nothing lands that
 * the app then refuses to annotate or edit. Ids over the contract's limits are not problems: the importer
 * gives those a fresh id.
 *
 * A problem is a message of the imports catalogue (src/shared/messages), its `where` a value: the report
 * keeps its English as `reason`, and the interface words it in its own language. What a validator says of a
 * value (zod's words, JSON.parse's) travels as the English `detail` it is.
 */
import type { z } from 'zod';
import { FIELD_SCHEMAS, LIMITS } from '@shared/contract';
import type { AttributeValues, DocumentStatus } from '@shared/model';
import { annotatorName, labelName, linkType } from '@shared/labelRules';
import { importMessage } from '@shared/messages/keys';
import { englishOf, type Message } from '@shared/messages/message';
import { OffsetIndex, spanBoundsParams, spanBoundsProblem } from '@shared/offsets';
import { readMeta } from './metaRecord';

/** A file with more problems than this is reported with the first ones only. */
export const MAX_PROBLEMS = 50;

export interface ParsedSpan {
  /** `file:line` of the span itself, where a file gives each span a line (brat); else the document's. */
  where?: string;
  /** How links in the file refer to the span (its id, a brat T number); also its id when free. */
  key?: string;
  /** Keep this id when the project has no annotation with it. */
  id?: string;
  start: number;
  end: number;
  label: string;
  note: string;
  attributes: Record<string, string | number | boolean>;
  /** undefined: the importing project's annotator. */
  annotator?: string | null;
  /** 'suggestion' for a span accepted from a suggestion; absent for one made by hand. */
  origin?: 'suggestion';
  /** The span's text as the file states it, checked against the document. */
  text?: string;
  /** The text the file states, when it is not the plain slice (brat fragments joined by spaces). */
  describe?: string;
}

export interface ParsedRelation {
  id?: string;
  /** Span keys. */
  from: string;
  to: string;
  type: string;
}

export interface ParsedDocument {
  /** `file:line` (or `file` for a one-document file). */
  where: string;
  id?: string;
  title?: string;
  status?: DocumentStatus;
  text: string;
  spans: ParsedSpan[];
  relations: ParsedRelation[];
  /** The provenance the file gives, by the keys it uses (metaRecord.ts reads and checks it). */
  meta?: Readonly<Record<string, unknown>>;
}

export type ParsedFile = { ok: true; documents: ParsedDocument[] } | { ok: false; problems: Message[] };

/** Collects problems up to MAX_PROBLEMS. */
export class Problems {
  readonly list: Message[] = [];

  add(message: Message): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
  }

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

/** How a problem names a span: its number in the document and, when the file gives one, its key. */
function spanValues(where: string, span: ParsedSpan, i: number) {
  return { where, n: String(i + 1), key: span.key ? ` (${span.key})` : '' };
}

/** The values of a text too long to be a document (the app annotates up to LIMITS.maxOffset), or null. */
export function textLengthProblem(codePoints: number): { length: string; max: string } | null {
  return codePoints > LIMITS.maxOffset ? { length: String(codePoints), max: String(LIMITS.maxOffset) } : null;
}

/**
 * Why the app would not take a value a file brings in (a label name, link type, annotator or note, by the
 * same schema the contract checks), or null when it would: an empty or too long value as a message, anything
 * else as the schema's own words.
 */
function valueProblem(schema: z.ZodType, value: string): Message | string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  if (issue.code === 'too_small') return importMessage('value.empty');
  if (issue.code === 'too_big') return importMessage('value.tooLong', { count: Number(issue.maximum) });
  return issue.message;
}

/** `{ value: "value", detail: why }`, or null when nothing is wrong (`why` null). */
function fieldProblem(
  value: string,
  why: Message | string | null,
): { value: string; detail: Message | string } | null {
  if (why === null) return null;
  // A long value is named by its start: the message is for finding it in the file, not for holding it.
  const start = Array.from(value).slice(0, 40).join('');
  const shown = start.length < value.length ? `${JSON.stringify(start)}…` : JSON.stringify(value);
  return { value: shown, detail: why };
}

/** The problems of one parsed document, each naming its `where`. */
export function checkDocument(doc: ParsedDocument): Message[] {
  const problems: Message[] = [];
  const at = { where: doc.where };
  if (doc.text.length === 0) return [importMessage('document.emptyText', at)];
  const index = new OffsetIndex(doc.text);
  const tooLong = textLengthProblem(index.codePointLength);
  if (tooLong) return [importMessage('document.tooLong', { ...at, ...tooLong })];
  const meta = doc.meta && readMeta(doc.meta);
  if (meta && 'problem' in meta)
    problems.push(importMessage('document.meta', { ...at, detail: meta.problem }));
  doc.spans.forEach((span, i) => {
    const named = spanValues(span.where ?? doc.where, span, i);
    const label = fieldProblem(span.label, valueProblem(labelName, span.label));
    const note = label ? null : fieldProblem(span.note, valueProblem(FIELD_SCHEMAS.note, span.note));
    if (label) problems.push(importMessage('span.label', { ...named, ...label }));
    if (note) problems.push(importMessage('span.note', { ...named, ...note }));
    const annotator =
      typeof span.annotator === 'string'
        ? fieldProblem(span.annotator, valueProblem(annotatorName, span.annotator))
        : null;
    if (annotator) problems.push(importMessage('span.annotator', { ...named, ...annotator }));
    const bounds = spanBoundsProblem(span, index.codePointLength);
    if (bounds) {
      problems.push(
        importMessage(`span.${bounds}`, { ...named, ...spanBoundsParams(span, index.codePointLength) }),
      );
      return;
    }
    if (span.text === undefined) return;
    const actual = index.slice(span.start, span.end);
    const expected = span.describe ?? actual;
    if (span.text !== expected) {
      problems.push(
        importMessage('span.textMismatch', {
          ...named,
          text: JSON.stringify(span.text),
          expected: JSON.stringify(expected),
          start: String(span.start),
          end: String(span.end),
        }),
      );
    }
  });
  const keys = new Set(doc.spans.map((s) => s.key).filter((k) => k !== undefined));
  doc.relations.forEach((relation, i) => {
    const link = { ...at, n: String(i + 1), type: relation.type };
    const type = fieldProblem(relation.type, valueProblem(linkType, relation.type));
    if (type) problems.push(importMessage('link.type', { ...link, ...type }));
    for (const end of [relation.from, relation.to]) {
      if (!keys.has(end)) problems.push(importMessage('link.noSpan', { ...link, span: JSON.stringify(end) }));
    }
    if (relation.from === relation.to) problems.push(importMessage('link.self', link));
  });
  return problems;
}

/** Checks every document; the file is accepted only when all of them pass. */
export function finishParse(fileName: string, documents: ParsedDocument[], problems: Problems): ParsedFile {
  for (const doc of documents) {
    if (problems.full) break;
    for (const problem of checkDocument(doc)) problems.add(problem);
  }
  if (problems.list.length > 0) {
    // Syntax problems are found while reading, span problems after: report them in line order.
    const line = (problem: Message) => Number(/:(\d+): /.exec(englishOf(problem))?.[1] ?? 0);
    return {
      ok: false,
      problems: problems.list
        .map((p, i) => ({ p, i }))
        .sort((a, b) => line(a.p) - line(b.p) || a.i - b.i)
        .map(({ p }) => p),
    };
  }
  if (documents.length === 0) return { ok: false, problems: [noDocuments(fileName)] };
  return { ok: true, documents };
}

/** A file in which nothing is a document. */
export function noDocuments(fileName: string): Message {
  return importMessage('file.noDocuments', { where: fileName });
}

export type { AttributeValues };
