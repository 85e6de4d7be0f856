/**
 * Replaces every row of a project with the rows of another project file of the same schema, through SQL on
 * the project's own connection, inside a write transaction the caller holds. SQLite's backup API cannot do
 * this: its destination is a connection of its own, which has to wait for the write lock the caller holds,
 * and better-sqlite3 reports a step that found it busy as a finished backup. Here the copy and its check run
 * under the one lock, and a failure rolls back with the caller's transaction.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { Db } from '../db/connection';

interface TableColumns {
  name: string;
  columns: string[];
  /** Whether its rowid is a column of its own (an INTEGER PRIMARY KEY is its rowid already). */
  copyRowid: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables whose rows make the project: ours and the full-text index (its shadow tables follow from it),
 * not SQLite's own statistics or sequence counters.
 */
function tablesOf(db: Db): TableColumns[] {
  const tables = db
    .prepare(
      `SELECT name, sql FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`,
    )
    .all() as Array<{ name: string; sql: string }>;
  const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return tables
    .filter((t) => !virtual.some((v) => t.name.startsWith(`${v}_`)))
    .map((t) => {
      const info = db.pragma(`main.table_info(${quote(t.name)})`) as Array<{
        name: string;
        type: string;
        pk: number;
      }>;
      const keys = info.filter((column) => column.pk > 0);
      const rowidIsColumn = keys.length === 1 && keys[0]!.type.toUpperCase() === 'INTEGER';
      // A WITHOUT ROWID table (the layers' tables) has no rowid to keep: its primary key is its identity.
      const withoutRowid = /\bWITHOUT\s+ROWID\s*$/i.test(t.sql);
      return { name: t.name, columns: info.map((c) => c.name), copyRowid: !rowidIsColumn && !withoutRowid };
    });
}

/**
 * Copies every row of `source` (an attached schema name) over the rows of `main`. Triggers are dropped for
 * the copy and created again (the change log refuses deletes; the search triggers must not fire on rows
 * copied as they are), foreign keys are checked at commit. Must run inside the caller's write transaction.
 */
export function copyContentsFrom(db: Db, source: string): void {
  if (!db.inTransaction) throw new Error('copyContentsFrom needs the caller to hold a write transaction');
  const triggers = db
    .prepare(`SELECT name, sql FROM main.sqlite_schema WHERE type = 'trigger'`)
    .all() as Array<{ name: string; sql: string }>;
  db.pragma('defer_foreign_keys = ON');
  for (const trigger of triggers) db.exec(`DROP TRIGGER main.${quote(trigger.name)}`);
  const tables = tablesOf(db);
  for (const table of tables) db.exec(`DELETE FROM main.${quote(table.name)}`);
  for (const table of tables) {
    const columns = [...(table.copyRowid ? ['rowid'] : []), ...table.columns.map(quote)].join(', ');
    db.exec(
      `INSERT INTO main.${quote(table.name)} (${columns}) SELECT ${columns} FROM ${quote(source)}.${quote(table.name)}`,
    );
  }
  db.exec('DELETE FROM main.sqlite_sequence');
  db.exec(
    `INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${quote(source)}.sqlite_sequence`,
  );
  for (const trigger of triggers) db.exec(trigger.sql);
}

/**
 * Checks, before the caller commits, that `main` now holds what `source` holds: the same number of rows in
 * every table, the same newest change-log entry, the same documents (id and sha256 of the text), and no
 * broken reference. Throws otherwise, so the caller rolls back.
 */
export function verifySameContents(db: Db, source: string): void {
  const problems: string[] = [];
  for (const table of tablesOf(db)) {
    const count = (schema: string) =>
      db
        .prepare(`SELECT count(*) FROM ${quote(schema)}.${quote(table.name)}`)
        .pluck()
        .get() as number;
    const [here, there] = [count('main'), count(source)];
    if (here !== there) problems.push(`${table.name}: ${here} rows instead of ${there}`);
  }
  const newest = (schema: string) =>
    db
      .prepare(
        `SELECT json_array(seq, at, entity_id) FROM ${quote(schema)}.change_log ORDER BY seq DESC LIMIT 1`,
      )
      .pluck()
      .get() as string | undefined;
  if (newest('main') !== newest(source)) problems.push('the change log differs');
  const differentDocuments = db
    .prepare(
      `SELECT count(*) FROM (SELECT id, sha256 FROM main.documents EXCEPT SELECT id, sha256 FROM ${quote(source)}.documents)`,
    )
    .pluck()
    .get() as number;
  if (differentDocuments > 0) problems.push(`${differentDocuments} documents differ`);
  if ((db.pragma('main.foreign_key_check') as unknown[]).length > 0) problems.push('broken references');
  if (problems.length > 0) {
    throw new AppError('internal', errorMessage('backup.mismatch', { detail: problems.join('; ') }));
  }
}
