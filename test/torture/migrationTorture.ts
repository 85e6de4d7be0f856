/**
 * Crash torture of a schema migration: a project written by Spanlight 1 (schema version 1) is opened by this
 * Spanlight, which backs it up and migrates it, and the process is killed at a random moment of that. After
 * the kill the file must be whole at one version or the other, never in between: version 1 with the schema
 * of version 1, or the latest version with the latest schema, with every row it had, passing
 * `integrity_check`; every backup listed must be a whole copy of the old project; and the app must then open
 * it and take changes.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { BackupStore, backUpBeforeMigrating } from '../../src/core/backup/backupStore';
import { createMemoryDatabase, migrate, registerFunctions, type Db } from '../../src/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../src/core/db/migrations';
import { inspectProjectFile } from '../../src/core/db/projectFile';
import { PARTIAL_SUFFIX } from '../../src/core/backup/snapshot';
import { Project } from '../../src/core/project/project';
import { createVersionOneProject } from '../support/oldProject';
import { prng, randomTools } from '../support/random';
import { KillWindow, describeUnkilled, runWorker } from './run';
import { freshCopy } from './roundFiles';

export interface MigrationFigures {
  rounds: number;
  kills: number;
  /** Where the kill left the file: still at version 1, or migrated. */
  leftAtOldVersion: number;
  leftMigrated: number;
  /** Of those left at version 1: the kill came after the backup was taken, while the migration ran. */
  killedMidMigration: number;
  /** Files at neither version, or with a schema that does not match their version. Must be 0. */
  halfMigrated: number;
  /** Files missing rows they had before. Must be 0. */
  dataLost: number;
  backupsChecked: number;
  /** Backups the kill interrupted: left as `.partial` files, never listed. */
  partialBackups: number;
  failures: string[];
}

/** What must survive the migration: the rows of schema 1, in the columns of schema 1. */
function contents(db: Db) {
  return {
    documents: db
      .prepare('SELECT id, title, file_name, text, sha256, length FROM documents ORDER BY id')
      .all(),
    annotations: db
      .prepare('SELECT id, document_id, label_id, start, "end", note FROM annotations ORDER BY id')
      .all(),
  };
}

/** Tables, indexes, triggers; not SQLite's own (the statistics `PRAGMA optimize` keeps). */
function schemaOf(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    )
    .all();
}

function expectedSchemas(): Map<number, unknown[]> {
  const old = new Database(':memory:');
  migrate(old, 1);
  const latest = createMemoryDatabase();
  const schemas = new Map([
    [1, schemaOf(old)],
    [LATEST_SCHEMA_VERSION, schemaOf(latest)],
  ]);
  old.close();
  latest.close();
  return schemas;
}

export async function tortureMigration(options: {
  worker: string;
  dir: string;
  rounds: number;
  seed: number;
}): Promise<MigrationFigures> {
  if (LATEST_SCHEMA_VERSION < 2)
    throw new Error('There is no migration to interrupt: the schema has one version');
  const template = join(options.dir, 'version-1.spanlight');
  createVersionOneProject(template, { documents: 300, annotationsPerDocument: 3, textLength: 3000 });
  const templateDb = new Database(template, { readonly: true });
  const before = contents(templateDb);
  templateDb.close();
  const schemas = expectedSchemas();
  const tools = randomTools(prng(options.seed + 2));
  const figures: MigrationFigures = {
    rounds: 0,
    kills: 0,
    leftAtOldVersion: 0,
    leftMigrated: 0,
    killedMidMigration: 0,
    halfMigrated: 0,
    dataLost: 0,
    backupsChecked: 0,
    partialBackups: 0,
    failures: [],
  };

  const path = join(options.dir, 'round.spanlight');
  const backupDir = join(options.dir, 'backups');
  const openInWorker = (killAfterMs: number | null) => {
    rmSync(backupDir, { recursive: true, force: true });
    freshCopy(template, path);
    return runWorker(options.worker, ['open', path, JSON.stringify({ backupDir })], killAfterMs);
  };

  const whole = await openInWorker(null);
  if (whole.code !== 0) figures.failures.push(`the uninterrupted open failed: ${describeUnkilled(whole)}`);
  const window = new KillWindow(whole.elapsedMs);

  for (let round = 1; round <= options.rounds && figures.failures.length === 0; round++) {
    const where = `migration round ${round} (seed ${options.seed})`;
    const fail = (message: string) => figures.failures.push(`${where}: ${message}`);
    const run = await openInWorker(window.next(tools.int));
    window.observe(run);
    figures.rounds++;
    if (run.signal === 'SIGKILL') figures.kills++;
    else if (run.code !== 0) fail(describeUnkilled(run));
    // A whole backup was taken first: a kill after it, with the file still at version 1, came during the migration.
    const store = new BackupStore(backupDir);
    const backups = store.list();

    // The file as SQLite finds it after the crash (recovering the WAL, as any open does), before the app migrates it.
    const raw = new Database(path, { fileMustExist: true });
    registerFunctions(raw);
    const version = raw.pragma('user_version', { simple: true }) as number;
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check says ${String(integrity)}`);
    if (!schemas.has(version) || !isDeepStrictEqual(schemaOf(raw), schemas.get(version))) {
      figures.halfMigrated++;
      fail(`the file is at version ${version} with a schema that is not that version's`);
    } else if (version !== 1) {
      figures.leftMigrated++;
    } else {
      figures.leftAtOldVersion++;
      if (backups.length > 0) figures.killedMidMigration++;
    }
    if (!isDeepStrictEqual(contents(raw), before)) {
      figures.dataLost++;
      fail('the rows differ from the project before the migration');
    }
    raw.close();

    for (const backup of backups) {
      figures.backupsChecked++;
      const file = join(backupDir, backup.id);
      const copy = new Database(file, { readonly: true });
      const whole =
        copy.pragma('quick_check', { simple: true }) === 'ok' && isDeepStrictEqual(contents(copy), before);
      copy.close();
      if (
        !whole ||
        backup.reason !== 'before-migration' ||
        inspectProjectFile(file, LATEST_SCHEMA_VERSION).userVersion !== 1
      ) {
        fail(`backup ${backup.id} is not a whole copy of the version-1 project`);
      }
    }
    // No folder when the kill came before the backup began.
    const backupFiles = existsSync(backupDir) ? readdirSync(backupDir) : [];
    figures.partialBackups += backupFiles.filter((name) => name.endsWith(PARTIAL_SUFFIX)).length;

    // And the app opens it (migrating it now if the kill came first) and takes a change.
    try {
      const project = Project.open(path, undefined, { beforeMigrate: backUpBeforeMigrating(backupDir) });
      const documentId = project.documents.list()[0]!.id;
      project.annotationService.create({ documentId, start: 0, end: 3, labelId: 'claim' });
      project.close();
    } catch (error) {
      fail(`the app cannot open it after the kill: ${(error as Error).message}`);
    }
  }
  return figures;
}
