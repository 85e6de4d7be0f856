/** Reading JSON Lines: each non-blank line parsed on its own, a syntax error reported at its line. */
import { importMessage } from '@shared/messages/keys';
import { z } from 'zod';
import type { Message } from '@shared/messages/message';
import { setOwn } from '@shared/ownKeys';
import { Problems, finishParse, type ParsedDocument, type ParsedFile } from '../parsed';

export interface JsonLine {
  line: number;
  value: unknown;
}

export function* jsonLines(fileName: string, content: string, problems: Problems): Generator<JsonLine> {
  const lines = content.split('\n');
  for (let i = 0; i < lines.length && !problems.full; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    try {
      yield { line: i + 1, value: JSON.parse(raw) };
    } catch (error) {
      problems.add(notJson(`${fileName}:${i + 1}`, error));
    }
  }
}

/** A line's reader: the document it holds, or null after adding its problems. */
export type LineParser = (where: string, value: unknown, problems: Problems) => ParsedDocument | null;

/** A whole JSON Lines file of one format, each line read by `parseLine`, all problems collected. */
export function parseJsonLines(fileName: string, content: string, parseLine: LineParser): ParsedFile {
  const problems = new Problems();
  const documents: ParsedDocument[] = [];
  for (const { line, value } of jsonLines(fileName, content, problems)) {
    const document = parseLine(`${fileName}:${line}`, value, problems);
    if (document) documents.push(document);
  }
  return finishParse(fileName, documents, problems);
}

/** The first non-blank line's JSON value, or undefined: what format detection looks at. */
export function firstJsonLine(content: string): unknown {
  const end = content.indexOf('\n', content.search(/\S/));
  const line = (end === -1 ? content : content.slice(0, end)).trim();
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The object under `key` of a parsed JSON value, or an empty one when there is none. */
export function rawObject(value: unknown, key: string): Readonly<Record<string, unknown>> {
  const inner = (value as Record<string, unknown>)[key];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
    ? (inner as Record<string, unknown>)
    : {};
}

/** A line JSON.parse refused, in its words. */
export function notJson(where: string, error: unknown): Message {
  return importMessage('line.notJson', { where, detail: (error as Error).message });
}

/** A line that is JSON but not a document of its format: zod's words for the first thing wrong. */
export function invalidLine(where: string, error: z.ZodError): Message {
  return importMessage('line.invalid', { where, detail: describeZodError(error) });
}

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Attribute values by name, with every own key kept: zod's record drops a `__proto__` key, and a Label Studio
 * or brat import can bring one in that a JSONL export then writes.
 */
export const attributeRecord = z.unknown().transform((value, ctx) => {
  const out: Record<string, z.infer<typeof attributeValue>> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: 'attributes must be an object' });
    return z.NEVER;
  }
  for (const [name, raw] of Object.entries(value)) {
    const parsed = attributeValue.safeParse(raw);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'a string, number or boolean' });
      return z.NEVER;
    }
    setOwn(out, name, parsed.data);
  }
  return out;
});
