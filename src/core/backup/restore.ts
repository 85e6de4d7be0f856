/**
 * Puts a backup's content into an open project while other programs (the CLI, a second window) may be
 * writing to it. One write lock, held from the copy of the current state to the end of the restore:
 *
 *   1. BEGIN IMMEDIATE on the project's connection: every change another program committed is in the file,
 *      and none can commit until we are done (when one holds the lock past busy_timeout: "in use", nothing
 *      changed);
 *   2. the before-restore backup, taken synchronously (VACUUM INTO) from the committed state, which no one
 *      can change meanwhile: it holds every change acknowledged to anyone before the restore;
 *   3. the backup's rows copied in, in the same transaction, and checked against the backup;
 *   4. COMMIT. Any failure rolls back: the project is as it was, and the restore says why.
 *
 * Another connection sees the old state or the restored one, never a mix.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import {
  isBusyError,
  openProjectDatabase,
  projectInUseError,
  refreshPlannerStatistics,
  type Db,
} from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { inspectProjectFile } from '../db/projectFile';
import { checkProjectContents } from '../db/schemaCheck';
import { copyContentsFrom, verifySameContents } from './contentCopy';

/** Refuses a backup that is damaged or not a project this Spanlight can open. */
export function checkRestorable(backupPath: string): void {
  inspectProjectFile(backupPath, LATEST_SCHEMA_VERSION);
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError(
        'invalid_input',
        errorMessage('backup.damaged', { file: basename(backupPath), detail: String(check) }),
      );
    }
    checkProjectContents(backup, backupPath);
  } finally {
    backup.close();
  }
}

export interface RestoreTarget {
  db: Db;
  path: string;
  /** Takes the before-restore backup, synchronously, from `committed`: a connection that reads the file. */
  backUpCurrentState(committed: Db): void;
}

/** A backup from an older schema is migrated, in a temporary copy, so its rows fit today's tables. */
function withCurrentSchema<T>(backupPath: string, use: (path: string) => T): T {
  if (inspectProjectFile(backupPath, LATEST_SCHEMA_VERSION).userVersion === LATEST_SCHEMA_VERSION) {
    return use(backupPath);
  }
  const dir = mkdtempSync(join(tmpdir(), 'spanlight-restore-'));
  try {
    const copy = join(dir, 'backup.spanlight');
    copyFileSync(backupPath, copy);
    openProjectDatabase(copy).close();
    return use(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replaces the content of the open project with the backup's; see the top of this file. */
export function restoreBackupInto(target: RestoreTarget, backupPath: string): void {
  checkRestorable(backupPath);
  withCurrentSchema(backupPath, (source) => {
    const { db, path } = target;
    db.prepare('ATTACH DATABASE ? AS restored_from').run(source);
    try {
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        throw isBusyError(error) ? projectInUseError(path) : error;
      }
      try {
        backUpCommittedState(target);
        copyContentsFrom(db, 'restored_from');
        verifySameContents(db, 'restored_from');
        db.exec('COMMIT');
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      db.exec('DETACH DATABASE restored_from');
    }
    refreshPlannerStatistics(db);
  });
}

/** Step 2: a second connection reads what is committed, which the lock we hold keeps as it is. */
function backUpCommittedState(target: RestoreTarget): void {
  const committed = new Database(target.path, { readonly: true, fileMustExist: true });
  try {
    target.backUpCurrentState(committed);
  } catch (error) {
    throw new AppError(
      'internal',
      errorMessage('backup.currentStateFailed', { detail: (error as Error).message }),
    );
  } finally {
    committed.close();
  }
}
