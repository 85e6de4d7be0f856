/**
 * File → Save a copy…: the open project, as it is now, written to another file through SQLite's backup API
 * (snapshot.ts). A plain copy of the file would miss the changes still in its -wal; this one holds every
 * acknowledged change and is one self-contained file that opens anywhere.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { AppError } from '@shared/errors';
import type { SavedCopy } from '@shared/model';
import { PROJECT_EXTENSION, type Project } from '../project/project';
import { snapshotWithBackupApi } from './snapshot';

export async function saveProjectCopy(project: Project, requestedPath: string): Promise<SavedCopy> {
  if (!project.path) throw new AppError('unsupported', 'A project kept in memory cannot be saved as a copy');
  const target = resolve(
    requestedPath.endsWith(PROJECT_EXTENSION) ? requestedPath : requestedPath + PROJECT_EXTENSION,
  );
  // Never over another file, the open project included: a copy adds a file, it replaces none.
  if (existsSync(target)) {
    throw new AppError(
      'invalid_input',
      `${basename(target)} already exists; choose another name for the copy`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  await snapshotWithBackupApi(project.db, target);
  return { path: target };
}
