/**
 * Whether an open project can be written: a read-only file (its mode, a read-only mount, a file of another
 * user) opens and reads fine, and without this every edit would fail with SQLite's "attempt to write a
 * readonly database". The app says so at open and refuses edits with a message instead.
 */
import { accessSync, constants } from 'node:fs';
import type { Db } from './connection';

/** The file's mode first; then a write transaction begun and rolled back, which writes nothing to the file. */
export function isWritable(db: Db, path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return false;
  }
  // Not waiting for another program's write lock: busy answers the question as well (it writes, so can we).
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    return !String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY');
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}
