/** Reading JSON Lines: each non-blank line parsed on its own, a syntax error reported at its line. */
import { z } from 'zod';
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
      problems.add(`${fileName}:${i + 1}: not valid JSON (${(error as Error).message})`);
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

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export const attributeValue = z.union([z.string(), z.number(), z.boolean()]);
