/**
 * Decides whether a file is a Spanlight project by reading its SQLite header, before SQLite opens it: opening
 * a database can write to it (a WAL index, a journal recovery), and a file that is not ours must be left
 * exactly as it was.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';

/** `PRAGMA application_id` of every Spanlight project: "SPLT". */
export const SPANLIGHT_APPLICATION_ID = 0x53504c54;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_BYTES = 100;

export interface ProjectHeader {
  applicationId: number;
  userVersion: number;
}

/**
 * Reads and checks the header of an existing project file. Throws an AppError naming the file and the
 * problem when it is not a Spanlight project, is damaged, or was written by a newer Spanlight.
 */
export function inspectProjectFile(path: string, latestSchemaVersion: number): ProjectHeader {
  const name = basename(path);
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('not_a_project', `${name} is not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', `${path} does not exist`);
  }
  if (size < HEADER_BYTES) {
    throw new AppError('not_a_project', `${name} is not a Spanlight project: it is not a SQLite database`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('not_a_project', `${name} is not a Spanlight project: it is not a SQLite database`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const applicationId = header.readUInt32BE(68);
  const userVersion = header.readUInt32BE(60);
  // The in-header page count is valid when the change counter (24) equals "version-valid-for" (92).
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pageCount * pageSize > size) {
    throw new AppError(
      'not_a_project',
      `${name} is damaged: it is ${size} bytes, its header says ${pageCount * pageSize} (truncated?)`,
    );
  }
  if (applicationId !== SPANLIGHT_APPLICATION_ID) {
    throw new AppError('not_a_project', `${name} is not a Spanlight project: it is a SQLite database of another application`);
  }
  if (userVersion > latestSchemaVersion) {
    throw new AppError(
      'project_from_future',
      `${name} was written by a newer Spanlight (schema version ${userVersion}; this version knows up to ${latestSchemaVersion}). Update Spanlight to open it.`,
    );
  }
  return { applicationId, userVersion };
}
