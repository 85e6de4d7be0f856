/**
 * The backups of one project: a folder of self-contained SQLite files named after when and why each was taken.
 * The folder lives in the user's data directory, not beside the project, so deleting or losing the project's
 * folder does not take its backups with it.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '@shared/model';
import type { BeforeMigrate, Db } from '../db/connection';
import { backupsToDelete } from './retention';
import { PARTIAL_SUFFIX, snapshotWithBackupApi, snapshotWithVacuum } from './snapshot';

const EXTENSION = '.spanlight';
/** `2024-01-31T09-05-00-123Z_scheduled_1a2b3c.spanlight`: sorts by time, names its reason, never collides. */
const NAME = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z_([a-z-]+)_[0-9a-f]{6}\.spanlight$/;
/** A `.partial` file this old is a leftover of a crash, not a backup another process is still writing. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** The backup folder of the project at `projectPath`: its name, plus a hash of its full path so two projects of the same name stay apart. */
export function backupDirFor(dataDir: string, projectPath: string): string {
  let absolute = resolve(projectPath);
  try {
    absolute = realpathSync(absolute);
  } catch {
    // A project about to be created has no real path yet; its resolved path names it the same way.
  }
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  const name = basename(absolute, extname(absolute))
    .replace(/[^\p{L}\p{N} _-]/gu, '_')
    .slice(0, 60);
  return join(dataDir, 'backups', `${name}-${hash}`);
}

/** The hook that keeps, in the store at `dir`, the copy of a project taken before a migration changes it. */
export function backUpBeforeMigrating(dir: string): BeforeMigrate {
  return (db) => {
    new BackupStore(dir).createBeforeMigration(db);
  };
}

function fileName(takenAt: Date, reason: BackupReason): string {
  return `${takenAt.toISOString().replace(/[:.]/g, '-')}_${reason}_${randomBytes(3).toString('hex')}${EXTENSION}`;
}

function parseName(name: string): { takenAt: Date; reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, date, h, m, s, ms, reason] = match;
  const takenAt = new Date(`${date}T${h}:${m}:${s}.${ms}Z`);
  if (Number.isNaN(takenAt.getTime()) || !(BACKUP_REASONS as readonly string[]).includes(reason!))
    return null;
  return { takenAt, reason: reason as BackupReason };
}

/** What a backup holds, read from it: shown in the list, and compared to tell whether a new one is needed. */
interface Contents {
  documents: number;
  annotations: number;
  /**
   * The newest entry of the append-only change log (number, time, entity), or '' for none: equal only when
   * both hold the same history, even after a restore went back and new changes reached the same number.
   */
  lastChange: string;
}

type StoredBackup = BackupInfo & { lastChange: string };

function readContents(db: Db): Contents {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const lastChange = db
    .prepare(`SELECT seq || ' ' || at || ' ' || entity_id FROM change_log ORDER BY seq DESC LIMIT 1`)
    .pluck()
    .get() as string | undefined;
  return { documents: count('documents'), annotations: count('annotations'), lastChange: lastChange ?? '' };
}

export class BackupStore {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Every complete backup, newest first, with what it holds. A file that cannot be read is left out. */
  list(): BackupInfo[] {
    return this.stored().map(({ lastChange: _lastChange, ...info }) => info);
  }

  private stored(): StoredBackup[] {
    const backups: StoredBackup[] = [];
    for (const name of this.names()) {
      const parsed = parseName(name);
      if (!parsed) continue;
      const path = join(this.dir, name);
      try {
        const copy = new Database(path, { readonly: true, fileMustExist: true });
        try {
          const contents = readContents(copy);
          backups.push({
            id: name,
            takenAt: parsed.takenAt.toISOString(),
            reason: parsed.reason,
            sizeBytes: statSync(path).size,
            ...contents,
          });
        } finally {
          copy.close();
        }
      } catch {
        // Not ours to delete or to offer: a damaged file is left alone and not listed.
      }
    }
    return backups.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || (a.id < b.id ? 1 : -1));
  }

  /** The path of backup `id`, which must be one `list()` offers: an id is never taken as a path. */
  pathOf(id: string): string {
    if (!this.list().some((backup) => backup.id === id)) {
      throw new AppError(
        'not_found',
        errorMessage('notFound.backup', { id: JSON.stringify(id.slice(0, 100)) }),
      );
    }
    return join(this.dir, id);
  }

  /** A backup through the backup API, then the retention rule. Resolves to the new backup. */
  async create(db: Db, reason: BackupReason): Promise<BackupInfo> {
    const target = this.prepare(reason);
    await snapshotWithBackupApi(db, target);
    return this.finish(target);
  }

  /** The backup taken, synchronously, before a migration changes the file. */
  createBeforeMigration(db: Db): BackupInfo {
    return this.createSynchronously(db, 'before-migration');
  }

  /**
   * A backup with VACUUM INTO, in one synchronous call: for the moments nothing else may happen between the
   * copy and what follows it (a migration, a restore holding the write lock).
   */
  createSynchronously(db: Db, reason: BackupReason): BackupInfo {
    const target = this.prepare(reason);
    snapshotWithVacuum(db, target);
    return this.finish(target);
  }

  /**
   * Whether `db` holds a state no backup holds: false right after a backup, and also after a restore, whose
   * state is the restored backup's. A project without a single change yet (just created) needs none.
   */
  needsBackup(db: Db): boolean {
    const { lastChange } = readContents(db);
    return lastChange !== '' && !this.stored().some((backup) => backup.lastChange === lastChange);
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir);
    } catch {
      return [];
    }
  }

  private prepare(reason: BackupReason): string {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, fileName(this.now(), reason));
  }

  /** Reads the new backup back, then applies the retention rule (which may, when other instances made newer ones meanwhile, remove it). */
  private finish(target: string): BackupInfo {
    const created = this.list().find((backup) => backup.id === basename(target));
    if (!created) throw new Error(`The backup ${basename(target)} was written but cannot be read back`);
    this.prune();
    return created;
  }

  /** Applies the retention rule, and clears `.partial` files that a crash during an earlier backup left. */
  private prune(): void {
    const dated = this.list().map((b) => ({ id: b.id, takenAt: Date.parse(b.takenAt), reason: b.reason }));
    for (const id of backupsToDelete(dated, this.now().getTime()))
      rmSync(join(this.dir, id), { force: true });
    for (const name of this.names()) {
      if (!name.endsWith(PARTIAL_SUFFIX) || !parseName(name.slice(0, -PARTIAL_SUFFIX.length))) continue;
      const path = join(this.dir, name);
      try {
        if (this.now().getTime() - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
      } catch {
        // Gone already: the process writing it finished or cleaned up.
      }
    }
  }
}
