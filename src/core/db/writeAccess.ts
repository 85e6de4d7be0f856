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
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return true;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    // Busy means another program is writing to it: writable, only not this instant.
    return !String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY');
  }
}
