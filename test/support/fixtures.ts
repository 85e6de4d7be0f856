/**
 * Helpers shared by the unit tests of src/ and test/: temp directories, a fixed clock, real projects
 * with real documents, and small readers (CSV, table rows) that let a test compare what is stored.
 * Test-only: nothing in the app imports this file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, expect } from 'vitest';
import { AppError, type ErrorCode } from '@shared/errors';
import { Importer } from '../../src/core/import/importer';
import { sourceFromBytes } from '../../src/core/import/sources';
import { Project, type Clock } from '../../src/core/project/project';

/** The sample articles (resources/samples/articles), written for the project: tests need nothing beside the clone. */
export const SAMPLE_ARTICLES_DIR = resolve(__dirname, '../../resources/samples/articles');

/** The sample articles' paths, sorted by name: the three Arabic (ar-*) first, then the three English (en-*). */
export function sampleArticles(): string[] {
  return readdirSync(SAMPLE_ARTICLES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SAMPLE_ARTICLES_DIR, name));
}

/**
 * A text where code points and UTF-16 units disagree many times over: emoji outside the BMP, a flag (two
 * regional indicators), a ZWJ family (several code points joined), Arabic with harakat and a tatweel, CJK.
 */
export const MIXED_TEXT =
  'Breaking 😀 news: 🇸🇾 talks, 👨‍👩‍👧 families.\n' +
  'قال المُقَاتِلٌ إنّ الـــهجوم فشل 😀 في 3 مواقع.\n' +
  '数字 𝟙𝟚𝟛 and "quoted, text"\nend 👍🏽';

/** Python's `text[start:end]`, computed with Array.from (not with src/shared/offsets, which tests check). */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The code point range of the first `needle` in `text`, computed with Array.from (not with src/shared/offsets). */
export function rangeOf(text: string, needle: string): { start: number; end: number } {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}

/**
 * Registers an afterAll that removes every directory `make()` created, so a test file calls it once at its
 * top level and makes directories from tests or from beforeAll alike.
 */
export function useTempDirs(prefix = 'spanlight-test-'): { make(): string } {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}

/** A clock that starts at a fixed instant and moves one second on each reading: stable and strictly increasing. */
export function steppingClock(start = Date.UTC(2024, 0, 1)): Clock {
  let now = start;
  return () => {
    const reading = new Date(now).toISOString();
    now += 1000;
    return reading;
  };
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Imports `text` as a plain-text file through the real importer and returns the new document's id. */
export function addDocument(project: Project, text: string, fileName = 'article.txt'): string {
  const report = new Importer(project).importAll([sourceFromBytes(fileName, Buffer.from(text, 'utf8'))]);
  expect(report.rejected).toEqual([]);
  expect(report.imported).toHaveLength(1);
  return report.imported[0]!.documentId;
}

/** Creates a real project file holding one document and one annotation, closed so it is all in the main file. */
export function createProjectFile(path: string): string {
  const project = Project.create(path, steppingClock());
  try {
    const documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt.');
    project.annotationService.create({ documentId, start: 6, end: 18, labelId: 'claim' });
  } finally {
    project.close();
  }
  return path;
}

/** A fresh in-memory project on a stepping clock, holding `text` as its one document. */
export function projectWithDocument(text: string): { project: Project; documentId: string } {
  const project = Project.inMemory(steppingClock());
  return { project, documentId: addDocument(project, text) };
}

/** Every row of a table, in a stable order, exactly as SQLite holds it. */
export function tableRows(
  project: Project,
  table: 'annotations' | 'documents' | 'actions' | 'change_log' | 'labels' | 'relations' | 'project_meta',
) {
  const order = table === 'change_log' ? 'seq' : table === 'project_meta' ? 'key' : 'id';
  return project.db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Array<
    Record<string, unknown>
  >;
}

/** A change_log row with its JSON columns parsed. */
export interface LoggedChange {
  seq: number;
  action_id: number | null;
  cause: string;
  at: string;
  actor: string | null;
  entity: string;
  entity_id: string;
  op: string;
  /** Whatever entity was logged (an annotation, a link, a label...), or null. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any entity's JSON: tests read the fields they logged
  before: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as before
  after: any;
}

/** The change_log rows of one entity (or all rows), oldest first, with the JSON columns parsed. */
export function changeLogOf(project: Project, entityId?: string): LoggedChange[] {
  return tableRows(project, 'change_log')
    .filter((row) => entityId === undefined || row.entity_id === entityId)
    .map((row) => ({
      ...(row as unknown as LoggedChange),
      before: row.before === null ? null : JSON.parse(row.before as string),
      after: row.after === null ? null : JSON.parse(row.after as string),
    }));
}

/** Every table a user action can change, exactly as stored: to check that a refused call wrote nothing. */
export function allRows(project: Project) {
  const tables = [
    'documents',
    'annotations',
    'relations',
    'labels',
    'actions',
    'change_log',
    'project_meta',
  ] as const;
  return Object.fromEntries(tables.map((table) => [table, tableRows(project, table)]));
}

/** Runs `fn` and expects it to throw an AppError with `code` and a message matching `message`. */
export function expectAppError(fn: () => unknown, code: ErrorCode, message: RegExp): void {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code });
  expect((error as AppError).message).toMatch(message);
}

export function rowCount(project: Project, table: string): number {
  return (project.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Row counts of every table a user action or an import writes to. */
export function writeCounts(project: Project): Record<string, number> {
  const tables = ['documents', 'annotations', 'relations', 'labels', 'actions', 'change_log'];
  return Object.fromEntries(tables.map((table) => [table, rowCount(project, table)]));
}

/** A Writable that keeps everything written to it as one string. */
export class CollectingWritable extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    callback();
  }

  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * A strict RFC 4180 reader, written independently of the exporter so it can check it: fields separated by
 * commas, records by CRLF, a quoted field may hold commas, CR, LF and doubled quotes. Throws on anything else.
 */
export function parseCsv(input: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const atRecordEnd = () => input.startsWith('\r\n', i);
  for (;;) {
    let field = '';
    if (input[i] === '"') {
      i++;
      for (;;) {
        if (i >= input.length) throw new Error('CSV: unterminated quoted field');
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += input[i++];
      }
    } else {
      while (i < input.length && input[i] !== ',' && !atRecordEnd()) {
        if (input[i] === '"' || input[i] === '\r' || input[i] === '\n') {
          throw new Error(`CSV: unquoted field holds ${JSON.stringify(input[i])} at ${i}`);
        }
        field += input[i++];
      }
    }
    record.push(field);
    if (input[i] === ',') {
      i++;
    } else if (atRecordEnd()) {
      i += 2;
      records.push(record);
      record = [];
      if (i === input.length) return records;
    } else {
      throw new Error(`CSV: expected a comma or CRLF at ${i}`);
    }
  }
}
