/**
 * Refuses a project file whose schema or rows are not what Spanlight itself writes. The header check
 * (projectFile.ts) only reads application_id and user_version, which anyone can set: a file with a valid header
 * could bring a trigger that deletes each annotation once acknowledged, a view named like one of our tables, or
 * an annotation past the end of its text. Here, before anything else reads or writes the file: every schema
 * object (table, index, trigger, view) must be exactly one the migrations create for that file's version, and
 * every annotation must lie inside its document's text. Both checks only read.
 */
import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { MIGRATIONS } from './migrations';

type Db = Database.Database;

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * Tables SQLite creates by itself in a project we wrote (`PRAGMA optimize` runs ANALYZE): allowed with
 * exactly the definition SQLite gives them, and nothing that reads them runs code.
 */
const SQLITE_STATISTICS: readonly SchemaObject[] = [
  {
    type: 'table',
    name: 'sqlite_stat1',
    tbl_name: 'sqlite_stat1',
    sql: 'CREATE TABLE sqlite_stat1(tbl,idx,stat)',
  },
  {
    type: 'table',
    name: 'sqlite_stat4',
    tbl_name: 'sqlite_stat4',
    sql: 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)',
  },
];

const READ_SCHEMA = 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name';

function keyOf(object: SchemaObject): string {
  return JSON.stringify([object.type, object.name, object.tbl_name, object.sql]);
}

/** The schema the migrations produce for each version, built once in memory when first needed. */
const expectedByVersion = new Map<number, Map<string, SchemaObject>>();

function expectedSchema(version: number): Map<string, SchemaObject> {
  let expected = expectedByVersion.get(version);
  if (expected) return expected;
  const db = new Database(':memory:');
  try {
    // The migrations' SQL calls spanlight_fold; its result does not matter for the schema they leave.
    db.function('spanlight_fold', { deterministic: true }, (text: unknown) => text);
    for (const migration of MIGRATIONS) if (migration.version <= version) db.exec(migration.sql);
    expected = new Map(
      [...(db.prepare(READ_SCHEMA).all() as SchemaObject[]), ...SQLITE_STATISTICS].map((o) => [keyOf(o), o]),
    );
  } finally {
    db.close();
  }
  expectedByVersion.set(version, expected);
  return expected;
}

function describe(object: SchemaObject): string {
  return `${object.type} ${JSON.stringify(object.name.slice(0, 80))}`;
}

/**
 * Throws an AppError naming the file and the first schema object Spanlight does not create at the file's
 * version (or creates differently), or the first of ours that is missing.
 */
export function checkSchema(db: Db, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const expected = expectedSchema(version);
  const found = db.prepare(READ_SCHEMA).all() as SchemaObject[];
  const foundKeys = new Set(found.map(keyOf));
  const refuse = (problem: string) =>
    new AppError(
      'not_a_project',
      errorMessage('project.foreignSchema', {
        file: basename(path),
        detail: problem,
        version: String(version),
      }),
    );
  for (const object of found) {
    if (expected.has(keyOf(object))) continue;
    const sameName = [...expected.values()].some((o) => o.name === object.name);
    throw refuse(
      sameName
        ? `its ${describe(object)} is defined differently from Spanlight's`
        : `it contains a ${describe(object)} that Spanlight does not create`,
    );
  }
  for (const object of expected.values()) {
    if (!object.name.startsWith('sqlite_stat') && !foundKeys.has(keyOf(object))) {
      throw refuse(`its ${describe(object)} is missing`);
    }
  }
}

/**
 * Throws an AppError naming the file when an annotation does not lie inside its document's text
 * (0 <= start < end <= length, in code points, which is what SQLite's length() counts). Reads each
 * annotated document's length once, not its text per annotation; a project of 10,000 articles checks in
 * milliseconds.
 */
export function checkRows(db: Db, path: string): void {
  const bad = db
    .prepare(
      `SELECT spans.document_id AS documentId, d.title AS title FROM
         (SELECT document_id, min(start) AS first_start, max("end") AS last_end, min("end" - start) AS shortest
          FROM annotations GROUP BY document_id) AS spans
       LEFT JOIN documents d ON d.id = spans.document_id
       WHERE d.id IS NULL OR spans.first_start < 0 OR spans.shortest <= 0 OR spans.last_end > length(d.text)
       LIMIT 1`,
    )
    .get() as { documentId: string; title: string | null } | undefined;
  if (!bad) return;
  const file = basename(path);
  throw new AppError(
    'not_a_project',
    bad.title === null
      ? errorMessage('project.spansOutsideMissing', { file })
      : errorMessage('project.spansOutsideDocument', { file, title: JSON.stringify(bad.title.slice(0, 80)) }),
  );
}

/**
 * Both checks, on a connection that has not written yet (before `journal_mode`, before a migration), so a
 * refused file is left byte for byte as it was. trusted_schema=OFF first: should anything of the file's
 * schema ever run, it may call no function with side effects.
 */
export function checkProjectContents(db: Db, path: string): void {
  db.pragma('trusted_schema = OFF');
  // One read transaction: the version, the schema and the rows of one state of the file, even while another
  // program migrates it (six instances opening an old project at once).
  db.transaction(() => {
    checkSchema(db, path);
    checkRows(db, path);
  })();
}
