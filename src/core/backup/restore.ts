/**
 * Puts a backup's content into the project file. Through SQLite's backup API into the project itself: one
 * write transaction on the project, so a crash in the middle leaves its old content, and another program
 * that has it open (the CLI, a second window) sees the old state or the restored one, never a mix. A rename
 * over the file could not promise that while another connection holds it and its -wal file.
 */
import Database from 'better-sqlite3';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { inspectProjectFile } from '../db/projectFile';

/** Refuses a backup that is damaged or not a project this Spanlight can open. */
export function checkRestorable(backupPath: string): void {
  inspectProjectFile(backupPath, LATEST_SCHEMA_VERSION);
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new AppError(
        'invalid_input',
        `The backup ${basename(backupPath)} is damaged (${String(check)}); choose another one`,
      );
    }
  } finally {
    backup.close();
  }
}

/** Replaces the content of the project at `projectPath` with the backup's. The project must be closed here. */
export async function copyBackupInto(backupPath: string, projectPath: string): Promise<void> {
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(projectPath);
  } finally {
    backup.close();
  }
}
