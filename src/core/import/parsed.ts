/**
 * What every import format parses a file into, before anything is written: documents with their spans and
 * links, each placed by `where` (`file:line`) for error messages. `checkDocument` holds the checks every
 * format shares: offsets inside the text, start before end, the span's own text (when the file gives one)
 * equal to the document's text there, links between spans of the same document, label names and link types
 * the app accepts (@shared/labelRules), the contract's limits (text length, notes) and the document's
 * provenance (dates, languages, lengths: @shared/documentMeta), so nothing lands that
 * the app then refuses to annotate or edit. Ids over the contract's limits are not problems: the importer
 * gives those a fresh id.
 */
import type { z } from 'zod';
import { FIELD_SCHEMAS, LIMITS } from '@shared/contract';
import type { AttributeValues, DocumentStatus } from '@shared/model';
import { labelName, linkType, ruleProblem } from '@shared/labelRules';
import { OffsetIndex, checkSpanBounds } from '@shared/offsets';
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

export type ParsedFile = { ok: true; documents: ParsedDocument[] } | { ok: false; problems: string[] };

/** Collects problems up to MAX_PROBLEMS. */
export class Problems {
  readonly list: string[] = [];

  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
  }

  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
}

export function spanName(span: ParsedSpan, i: number): string {
  return `span ${i + 1}${span.key ? ` (${span.key})` : ''}`;
}

/** Why a text of this length cannot be a document (the app annotates up to LIMITS.maxOffset), or null. */
export function textLengthProblem(codePoints: number): string | null {
  return codePoints > LIMITS.maxOffset
    ? `the text is ${codePoints} code points long, more than the ${LIMITS.maxOffset} a document may hold`
    : null;
}

/** What the contract's schema says of a value a file brings in, or null when the app would take it. */
function schemaProblem(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0]!.message;
}

/** `field "value": why`, or null when nothing is wrong (`why` null). */
function fieldProblem(field: string, value: string, why: string | null): string | null {
  if (why === null) return null;
  // A long value is named by its start: the message is for finding it in the file, not for holding it.
  const start = Array.from(value).slice(0, 40).join('');
  const shown = start.length < value.length ? `${JSON.stringify(start)}…` : JSON.stringify(value);
  return `${field} ${shown}: ${why}`;
}

/** The problems of one parsed document, each prefixed with its `where`. */
export function checkDocument(doc: ParsedDocument): string[] {
  const problems: string[] = [];
  if (doc.text.length === 0) return [`${doc.where}: the text is empty`];
  const index = new OffsetIndex(doc.text);
  const tooLong = textLengthProblem(index.codePointLength);
  if (tooLong) return [`${doc.where}: ${tooLong}`];
  const meta = doc.meta && readMeta(doc.meta);
  if (meta && 'problem' in meta) problems.push(`${doc.where}: metadata ${meta.problem}`);
  doc.spans.forEach((span, i) => {
    const where = span.where ?? doc.where;
    const field =
      fieldProblem('label', span.label, ruleProblem(labelName, span.label)) ??
      fieldProblem('note', span.note, schemaProblem(FIELD_SCHEMAS.note, span.note));
    if (field) problems.push(`${where}: ${spanName(span, i)}: ${field}`);
    const bounds = checkSpanBounds(span, index.codePointLength);
    if (bounds) {
      problems.push(`${where}: ${spanName(span, i)}: ${bounds}`);
      return;
    }
    if (span.text === undefined) return;
    const actual = index.slice(span.start, span.end);
    const expected = span.describe ?? actual;
    if (span.text !== expected) {
      problems.push(
        `${where}: ${spanName(span, i)}: its text ${JSON.stringify(span.text)} does not match the document text ${JSON.stringify(expected)} at [${span.start}, ${span.end})`,
      );
    }
  });
  const keys = new Set(doc.spans.map((s) => s.key).filter((k) => k !== undefined));
  doc.relations.forEach((relation, i) => {
    const type = fieldProblem('type', relation.type, ruleProblem(linkType, relation.type));
    if (type) problems.push(`${doc.where}: link ${i + 1}: ${type}`);
    for (const end of [relation.from, relation.to]) {
      if (!keys.has(end))
        problems.push(
          `${doc.where}: link ${i + 1} (${relation.type}): no span ${JSON.stringify(end)} in this document`,
        );
    }
    if (relation.from === relation.to)
      problems.push(`${doc.where}: link ${i + 1} (${relation.type}) links a span to itself`);
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
    const line = (problem: string) => Number(/:(\d+): /.exec(problem)?.[1] ?? 0);
    return {
      ok: false,
      problems: problems.list
        .map((p, i) => ({ p, i }))
        .sort((a, b) => line(a.p) - line(b.p) || a.i - b.i)
        .map(({ p }) => p),
    };
  }
  if (documents.length === 0) return { ok: false, problems: [`${fileName}: it holds no documents`] };
  return { ok: true, documents };
}

export type { AttributeValues };
