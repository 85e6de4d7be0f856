/**
 * Decides whether a file is a Spanlight project by reading its SQLite header, before SQLite opens it: opening
 * a database can write to it (a WAL index, a journal recovery), and a file that is not ours must be left
 * exactly as it was. Only when a -wal file shows that SQLite is already using the database is the header read
 * through a read-only connection, since the newest one is then in the WAL.
 */
import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';

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
    if (!stat.isFile()) throw new AppError('not_a_project', errorMessage('project.notAFile', { file: name }));
    size = stat.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('not_found', errorMessage('notFound.path', { path }));
  }
  if (size < HEADER_BYTES) {
    throw new AppError('not_a_project', errorMessage('project.notSqlite', { file: name }));
  }
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new AppError('not_a_project', errorMessage('project.notSqlite', { file: name }));
  }
  const { applicationId, userVersion } = hasCommittedWal(path)
    ? readThroughSqlite(path, name)
    : readHeader(header, size, name);
  if (applicationId !== SPANLIGHT_APPLICATION_ID) {
    throw new AppError('not_a_project', errorMessage('project.otherApplication', { file: name }));
  }
  if (userVersion > latestSchemaVersion) {
    throw new AppError(
      'project_from_future',
      errorMessage('project.fromFuture', {
        file: name,
        version: String(userVersion),
        latest: String(latestSchemaVersion),
      }),
    );
  }
  return { applicationId, userVersion };
}

function readHeader(header: Buffer, size: number, name: string): ProjectHeader {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  // The in-header page count is valid when the change counter (24) equals "version-valid-for" (92).
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pageCount * pageSize > size) {
    throw new AppError(
      'not_a_project',
      errorMessage('project.truncated', {
        file: name,
        size: String(size),
        expected: String(pageCount * pageSize),
      }),
    );
  }
  return { applicationId: header.readUInt32BE(68), userVersion: header.readUInt32BE(60) };
}

/**
 * Whether a -wal file beside the database holds frames. Then the main file's header can be stale: the newest
 * committed page 1 (application_id, user_version, size) sits in the WAL until a checkpoint, which does not
 * happen while another program keeps the project open, nor after a crash.
 */
function hasCommittedWal(path: string): boolean {
  try {
    return statSync(`${path}-wal`).size > WAL_HEADER_BYTES;
  } catch {
    return false;
  }
}

const WAL_HEADER_BYTES = 32;

/**
 * The header fields as SQLite sees them, WAL included, through a read-only connection: it never writes to the
 * database or its WAL. Only used when a -wal file exists, that is for a database SQLite is already using.
 */
function readThroughSqlite(path: string, name: string): ProjectHeader {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return {
      applicationId: db.pragma('application_id', { simple: true }) as number,
      userVersion: db.pragma('user_version', { simple: true }) as number,
    };
  } catch (error) {
    throw new AppError(
      'not_a_project',
      errorMessage('project.damaged', { file: name, detail: (error as Error).message }),
    );
  } finally {
    db?.close();
  }
}
