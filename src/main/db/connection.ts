/**
 * Opens a project database: the file checks, the connection settings every project gets, and the migrations.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '@shared/errors';
import { foldForSearch } from '@shared/searchFold';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { inspectProjectFile, SPANLIGHT_APPLICATION_ID } from './projectFile';

export type Db = Database.Database;

/** How long a writer waits for another connection (a second app instance, the CLI) before "in use". */
const BUSY_TIMEOUT_MS = 5000;

/** SQL functions the schema relies on (the search triggers); every connection that writes must have them. */
export function registerFunctions(db: Db): void {
  db.function('spanlight_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  );
}

function configure(db: Db): void {
  registerFunctions(db);
  db.pragma('journal_mode = WAL');
  // FULL: a change acknowledged to the user survives a power cut, not only a crash of the app.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

/** Applies the migrations newer than the file's `user_version`, all in one transaction. */
export function migrate(db: Db, targetVersion = LATEST_SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= targetVersion);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`application_id = ${SPANLIGHT_APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  })();
}

function wrapOpenError(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/SQLITE_BUSY|database is locked/i.test(message)) {
    return new AppError('project_in_use', `${basename(path)} is in use by another program; try again when it is closed`);
  }
  return new AppError('not_a_project', `${basename(path)} cannot be opened as a Spanlight project: ${message}`);
}

/** Opens an existing project, refusing anything that is not one without writing to it. */
export function openProjectDatabase(path: string): Db {
  inspectProjectFile(path, LATEST_SCHEMA_VERSION);
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw wrapOpenError(path, error);
  }
}

/** Creates a new project file at `path`; refuses to overwrite anything. */
export function createProjectDatabase(path: string): Db {
  if (existsSync(path)) {
    throw new AppError('invalid_input', `${path} already exists; open it instead, or choose another name`);
  }
  let db: Db | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw wrapOpenError(path, error);
  }
}

/** An in-memory project, for tests. */
export function createMemoryDatabase(): Db {
  const db = new Database(':memory:');
  registerFunctions(db);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
