import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../session/dataDir';
import { openProjectDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { inspectProjectFile } from '../db/projectFile';
import { Project } from '../project/project';
import { addDocument, createProjectFile, sha256File, useTempDirs } from '../../../test/support/fixtures';
import { createVersionOneProject } from '../../../test/support/oldProject';
import { BackupStore, backUpBeforeMigrating, backupDirFor } from './backupStore';

const temp = useTempDirs();

function openBackup(path: string) {
  return new Database(path, { readonly: true, fileMustExist: true });
}

/** A project open as the app holds it, with changes still in its -wal file, and a store for its backups. */
function openWithChanges() {
  const dir = temp.make();
  const project = Project.open(createProjectFile(join(dir, 'work.spanlight')));
  const documentId = addDocument(project, 'Second\nMore text to tag here.');
  project.annotationService.create({ documentId, start: 0, end: 6, labelId: 'number' });
  expect(readFileSync(`${project.path}-wal`).length).toBeGreaterThan(0);
  return { project, store: new BackupStore(join(dir, 'backups')) };
}

describe('BackupStore', () => {
  it('writes a self-contained copy holding every committed change, also those still in the -wal file', async () => {
    const { project, store } = openWithChanges();
    const info = await store.create(project.db, 'manual');
    const path = join(store.dir, info.id);
    expect(info).toMatchObject({ reason: 'manual', documents: 2, annotations: 2 });
    expect(info.sizeBytes).toBe(readFileSync(path).length);
    // One file, in rollback-journal mode (header bytes 18 and 19 are 1), with nothing beside it.
    expect(readFileSync(path).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(readdirSync(store.dir)).toEqual([info.id]);
    const copy = openBackup(path);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(
      project.db.prepare('SELECT * FROM annotations ORDER BY id').all(),
    );
    copy.close();
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.list()).toEqual([info]);
    project.close();
  });

  it('lists newest first and names each backup by when and why it was taken', async () => {
    const { project, store } = openWithChanges();
    let now = '2024-03-01T10:00:00.000Z';
    const timed = new BackupStore(store.dir, () => new Date(now));
    const first = await timed.create(project.db, 'open');
    now = '2024-03-02T10:00:00.000Z';
    const second = await timed.create(project.db, 'scheduled');
    expect(first.id).toMatch(/^2024-03-01T10-00-00-000Z_open_[0-9a-f]{6}\.spanlight$/);
    expect(timed.list().map((b) => [b.takenAt, b.reason])).toEqual([
      [second.takenAt, 'scheduled'],
      ['2024-03-01T10:00:00.000Z', 'open'],
    ]);
    project.close();
  });

  it('never lists a partial copy, and clears one a crash left behind once it is stale', async () => {
    const { project, store } = openWithChanges();
    await store.create(project.db, 'manual');
    const stale = join(store.dir, '2024-01-01T00-00-00-000Z_scheduled_aaaaaa.spanlight.partial');
    const fresh = join(store.dir, '2024-01-01T00-00-00-000Z_scheduled_bbbbbb.spanlight.partial');
    writeFileSync(stale, 'half a database');
    writeFileSync(fresh, 'another process is writing this one');
    utimesSync(stale, new Date(2024, 0, 1), new Date(2024, 0, 1));
    expect(store.list()).toHaveLength(1);
    await store.create(project.db, 'manual');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(store.list()).toHaveLength(2);
    project.close();
  });

  it('leaves alone, and does not list, files in its folder that are not readable backups', async () => {
    const { project, store } = openWithChanges();
    await store.create(project.db, 'manual');
    const notes = join(store.dir, 'notes.txt');
    const damaged = join(store.dir, '2024-01-01T00-00-00-000Z_manual_cccccc.spanlight');
    writeFileSync(notes, 'mine');
    writeFileSync(damaged, 'not a database at all, though named like a backup');
    await store.create(project.db, 'manual');
    expect(store.list().map((b) => b.id)).not.toContain('2024-01-01T00-00-00-000Z_manual_cccccc.spanlight');
    expect(readFileSync(notes, 'utf8')).toBe('mine');
    expect(existsSync(damaged)).toBe(true);
    project.close();
  });

  it('resolves only ids it lists, never a path', async () => {
    const { project, store } = openWithChanges();
    const { id } = await store.create(project.db, 'manual');
    expect(store.pathOf(id)).toBe(join(store.dir, id));
    for (const wrong of ['../work.spanlight', join(store.dir, id), `${id}.partial`, 'x.spanlight', '']) {
      expect(() => store.pathOf(wrong), wrong).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
    project.close();
  });

  it('tells whether the project holds a state no backup holds', async () => {
    const dir = temp.make();
    const project = Project.create(join(dir, 'new.spanlight'));
    const store = new BackupStore(join(dir, 'backups'));
    expect(store.needsBackup(project.db)).toBe(false); // nothing in it yet
    const documentId = addDocument(project, 'Title\nSome text.');
    expect(store.needsBackup(project.db)).toBe(true);
    await store.create(project.db, 'scheduled');
    expect(store.needsBackup(project.db)).toBe(false);
    project.annotationService.create({ documentId, start: 0, end: 5, labelId: 'claim' });
    expect(store.needsBackup(project.db)).toBe(true);
    project.close();
  });

  it('keeps distinct folders for projects of the same name', () => {
    const dataDir = temp.make();
    const a = backupDirFor(dataDir, '/home/ana/a/Thesis.spanlight');
    const b = backupDirFor(dataDir, '/home/ana/b/Thesis.spanlight');
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^${dataDir}/backups/Thesis-[0-9a-f]{12}$`));
    expect(backupDirFor(dataDir, '/home/ana/a/../a/Thesis.spanlight')).toBe(a);
  });
});

describe('the backup before a migration', () => {
  function versionOne() {
    const dir = temp.make();
    const path = join(dir, 'old.spanlight');
    createVersionOneProject(path, { documents: 3, annotationsPerDocument: 2, textLength: 200 });
    return { dir, path, backupDir: join(dir, 'backups') };
  }

  it('copies a project from an older Spanlight, as it was, before migrating it', () => {
    const { path, backupDir } = versionOne();
    const before = new Database(path, { readonly: true });
    const documents = before.prepare('SELECT * FROM documents ORDER BY id').all();
    before.close();

    openProjectDatabase(path, { beforeMigrate: backUpBeforeMigrating(backupDir) }).close();

    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(LATEST_SCHEMA_VERSION);
    const [backup, ...others] = new BackupStore(backupDir).list();
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'before-migration', documents: 3, annotations: 6 });
    const copyPath = join(backupDir, backup!.id);
    expect(inspectProjectFile(copyPath, LATEST_SCHEMA_VERSION).userVersion).toBe(1);
    const copy = openBackup(copyPath);
    expect(copy.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(documents);
    copy.close();

    // Already migrated: opening again copies nothing.
    openProjectDatabase(path, { beforeMigrate: backUpBeforeMigrating(backupDir) }).close();
    expect(new BackupStore(backupDir).list()).toHaveLength(1);
  });

  it("is the caller's to take: opening with no hook migrates and writes nothing into the data directory", () => {
    const { dir, path } = versionOne();
    Project.open(path).close();
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(existsSync(backupDirFor(defaultDataDir(), path))).toBe(false);
    expect(readdirSync(dir).filter((name) => name !== 'old.spanlight' && !/-(wal|shm)$/.test(name))).toEqual(
      [],
    );
  });

  it('is handed the versions it is taken between', () => {
    const { path } = versionOne();
    const seen: unknown[] = [];
    openProjectDatabase(path, { beforeMigrate: (_db, migration) => seen.push(migration) }).close();
    expect(seen).toEqual([{ from: 1, to: LATEST_SCHEMA_VERSION }]);
  });

  it('is not taken for a project already at the latest version', () => {
    const dir = temp.make();
    const path = createProjectFile(join(dir, 'current.spanlight'));
    openProjectDatabase(path, { beforeMigrate: backUpBeforeMigrating(join(dir, 'backups')) }).close();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('when it cannot be taken, the project is not migrated and not changed', () => {
    const { dir, path } = versionOne();
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the backup folder should go');
    const hash = sha256File(path);
    expect(() => openProjectDatabase(path, { beforeMigrate: backUpBeforeMigrating(blocked) })).toThrow(
      /old\.spanlight must be upgraded to open in this Spanlight, but the backup taken first failed .*; the project was not changed/,
    );
    expect(sha256File(path)).toBe(hash);
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(1);
  });
});
