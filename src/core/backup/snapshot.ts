/**
 * Writes a copy of a live project. Always through SQLite, never a raw file copy: committed pages of a WAL
 * database may still sit in its -wal file. The copy goes to a `.partial` file beside the target, is checked,
 * made self-contained (rollback journal, so it is one file that opens read-only anywhere), flushed to disk,
 * and only then renamed into place: a crash at any moment leaves a whole backup or none, never half of one.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from '../db/connection';

export const PARTIAL_SUFFIX = '.partial';

/**
 * With SQLite's backup API, a hundred pages per turn of the event loop, so the app keeps answering while a
 * large project is copied; changes made meanwhile through `db` are carried into the copy.
 */
export async function snapshotWithBackupApi(db: Db, target: string): Promise<void> {
  const partial = startPartial(target);
  try {
    await db.backup(partial);
    seal(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * With `VACUUM INTO`, synchronously: for the copy taken before a migration, inside the synchronous open path
 * shared by the app and the CLI (better-sqlite3's backup API is asynchronous only). Also a consistent
 * snapshot made by SQLite, read in one transaction.
 */
export function snapshotWithVacuum(db: Db, target: string): void {
  const partial = startPartial(target);
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    seal(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function startPartial(target: string): string {
  const partial = target + PARTIAL_SUFFIX;
  // A leftover from a crash during an earlier attempt: SQLite would try to open it as a database.
  rmSync(partial, { force: true });
  return partial;
}

function seal(partial: string, target: string): void {
  const copy = new Database(partial, { fileMustExist: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy failed its check: ${String(check)}`);
    // better-sqlite3's backup() resolves as finished when its first step finds the source busy, leaving an
    // empty database that passes quick_check: a copy without a schema is a failed copy.
    if (copy.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0) {
      throw new Error('the copy is empty (the project was busy)');
    }
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  flushFile(partial);
  renameSync(partial, target);
  flushFolder(dirname(target));
}

/** Writable for a file (Windows flushes only those); a folder opens read-only. */
function flushFile(path: string, flags = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes the rename durable. Best effort: not every platform can open a folder to flush it. */
function flushFolder(path: string): void {
  try {
    flushFile(path, 'r');
  } catch {
    // The rename is atomic all the same; only its durability across a power cut is left to the OS.
  }
}
