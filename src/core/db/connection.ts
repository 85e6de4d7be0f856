/**
 * Opens a project database: the file checks, the connection settings every project gets, and the migrations.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { foldForSearch } from '@shared/searchFold';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { inspectProjectFile, SPANLIGHT_APPLICATION_ID } from './projectFile';
import { checkProjectContents } from './schemaCheck';

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
  // Triggers and views may call no function with side effects (nor ours, see migration 0005).
  db.pragma('trusted_schema = OFF');
  db.pragma('journal_mode = WAL');
  // FULL: a change acknowledged to the user survives a power cut, not only a crash of the app.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations newer than the file's `user_version`, all in one transaction. */
export function migrate(db: Db, targetVersion = LATEST_SCHEMA_VERSION): void {
  const pendingFrom = (current: number) =>
    MIGRATIONS.filter((m) => m.version > current && m.version <= targetVersion);
  if (pendingFrom(schemaVersion(db)).length === 0) return;
  db.transaction(() => {
    // Read again under the write lock: a second app instance or the CLI may have migrated the file since.
    const pending = pendingFrom(schemaVersion(db));
    if (pending.length === 0) return;
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`application_id = ${SPANLIGHT_APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  }).immediate();
}

/** SQLite gave up waiting (busy_timeout) for another connection's write lock. */
export function isBusyError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return (
    code.startsWith('SQLITE_BUSY') ||
    code.startsWith('SQLITE_LOCKED') ||
    /database is locked/i.test(String(error))
  );
}

export function projectInUseError(path: string): AppError {
  return new AppError('project_in_use', errorMessage('project.inUse', { file: basename(path) }));
}

function wrapOpenError(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isBusyError(error)) return projectInUseError(path);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(
    'not_a_project',
    errorMessage('project.cannotOpen', { file: basename(path), detail: message }),
  );
}

/** A migration about to run: the file is at schema version `from` and will be at `to`. */
export interface PendingMigration {
  from: number;
  to: number;
}

/**
 * Runs, synchronously, before a migration changes a file from an older Spanlight, with the file still as it
 * was: the caller keeps a copy of it where it keeps such things (the app in its data folder, the command line
 * beside the project). Opening a file knows nothing of backups or of where the user's data lives.
 */
export type BeforeMigrate = (db: Db, migration: PendingMigration) => void;

export interface OpenOptions {
  /** Without it, a file from an older Spanlight is migrated with no copy kept. */
  beforeMigrate?: BeforeMigrate;
}

/** Gives the caller its chance to copy a project from an older Spanlight before a migration changes it. */
function runBeforeMigrate(db: Db, path: string, beforeMigrate: BeforeMigrate | undefined): void {
  const version = schemaVersion(db);
  if (!beforeMigrate || version === 0 || version >= LATEST_SCHEMA_VERSION) return;
  try {
    beforeMigrate(db, { from: version, to: LATEST_SCHEMA_VERSION });
  } catch (error) {
    throw new AppError(
      'internal',
      errorMessage('project.upgradeBackupFailed', { file: basename(path), detail: (error as Error).message }),
    );
  }
}

/** Opens an existing project, refusing anything that is not one without writing to it. */
export function openProjectDatabase(path: string, options: OpenOptions = {}): Db {
  inspectProjectFile(path, LATEST_SCHEMA_VERSION);
  let db: Db | undefined;
  try {
    db = new Database(path, { fileMustExist: true });
    checkProjectContents(db, path);
    configure(db);
    runBeforeMigrate(db, path, options.beforeMigrate);
    migrate(db);
    refreshPlannerStatistics(db);
    return db;
  } catch (error) {
    db?.close();
    throw wrapOpenError(path, error);
  }
}

/** Creates a new project file at `path`; refuses to overwrite anything. */
export function createProjectDatabase(path: string): Db {
  if (existsSync(path)) {
    throw new AppError('invalid_input', errorMessage('project.exists', { path }));
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
  db.pragma('trusted_schema = OFF');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Brings the query planner's statistics up to date for the tables whose size changed a lot since they were
 * taken (SQLite's `PRAGMA optimize`, which samples a bounded number of rows; 0x10000 checks every table, not
 * only those this connection has queried). Statistics taken when a project held one document make SQLite scan
 * the whole documents table for each page of an export: measured, an export of 100,000 documents took 18.6 s
 * with them and 2.8 s with fresh ones. So: when a project is opened, after each import, and when it closes.
 */
export function refreshPlannerStatistics(db: Db, when: 'open-or-change' | 'close' = 'open-or-change'): void {
  try {
    db.pragma(when === 'close' ? 'optimize' : 'optimize=0x10002');
  } catch {
    // Only statistics: a damaged file, or one another program is writing, must still open, import and close.
  }
}

export function closeDatabase(db: Db): void {
  if (!db.open) return;
  refreshPlannerStatistics(db, 'close');
  db.close();
}
