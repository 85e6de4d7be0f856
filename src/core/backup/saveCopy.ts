/**
 * File → Save a copy…: the open project, as it is now, written to another file through SQLite's backup API
 * (snapshot.ts). A plain copy of the file would miss the changes still in its -wal; this one holds every
 * acknowledged change and is one self-contained file that opens anywhere.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { SavedCopy } from '@shared/model';
import { checkProjectContents } from '../db/schemaCheck';
import { PROJECT_EXTENSION, type Project } from '../project/project';
import { snapshotWithBackupApi } from './snapshot';

export async function saveProjectCopy(project: Project, requestedPath: string): Promise<SavedCopy> {
  if (!project.path) throw new AppError('unsupported', errorMessage('copy.inMemory'));
  const target = resolve(
    requestedPath.endsWith(PROJECT_EXTENSION) ? requestedPath : requestedPath + PROJECT_EXTENSION,
  );
  // Never over another file, the open project included: a copy adds a file, it replaces none.
  if (existsSync(target)) {
    throw new AppError('invalid_input', errorMessage('copy.exists', { file: basename(target) }));
  }
  mkdirSync(dirname(target), { recursive: true });
  await snapshotWithBackupApi(project.db, target);
  try {
    checkSameContents(project, target);
  } catch (error) {
    rmSync(target, { force: true });
    throw new AppError('internal', errorMessage('copy.failed', { detail: (error as Error).message }));
  }
  return { path: target };
}

/**
 * The copy must open as a project and hold what the project holds now (the backup API carries changes made
 * meanwhile through the project's connection; this runs synchronously after it, so nothing moves in between).
 */
function checkSameContents(project: Project, target: string): void {
  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    checkProjectContents(copy, target);
    for (const table of ['documents', 'annotations', 'relations', 'labels', 'change_log']) {
      const count = (db: Database.Database) =>
        db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      if (count(copy) !== count(project.db)) throw new Error(`its ${table} differ from the project's`);
    }
  } finally {
    copy.close();
  }
}
