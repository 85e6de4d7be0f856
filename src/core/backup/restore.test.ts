import Database from 'better-sqlite3';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupInfo, ProjectInfo } from '@shared/model';
import { AppSession } from '../session/session';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { Project } from '../project/project';
import { addDocument, tableRows, useTempDirs } from '../../../test/support/fixtures';
import { createVersionOneProject } from '../../../test/support/oldProject';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';

const temp = useTempDirs();

/** The app's session over a fresh project with one document, driven through the contract as the renderer does. */
function openApp() {
  const dir = temp.make();
  const session = new AppSession('browser', join(dir, 'data'));
  const project = session.createProject(join(dir, 'thesis'));
  const documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt.');
  const handlers = createHandlers(session);
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const result = await dispatch(handlers, channel, payload);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const annotate = (start: number, end: number) =>
    session.requireProject().annotationService.create({ documentId, start, end, labelId: 'claim' })
      .upserted[0]!.id;
  return { dir, session, handlers, call, annotate, path: project.path! };
}

describe('restoring a backup', () => {
  it('puts the backed-up state back, after backing up the state it replaces', async () => {
    const app = openApp();
    const kept = app.annotate(6, 18);
    const backup = await app.call<BackupInfo>('backups:create');
    expect(backup).toMatchObject({ reason: 'manual', documents: 1, annotations: 1 });
    const later = app.annotate(19, 23);
    app.session.requireProject().annotationService.delete(kept);
    const stateBefore = tableRows(app.session.requireProject(), 'annotations');

    const info = await app.call<ProjectInfo>('backups:restore', { id: backup.id });
    expect(info).toMatchObject({ path: app.path, documentCount: 1 });

    const project = app.session.requireProject();
    expect(project.annotations.get(kept)).toBeDefined();
    expect(project.annotations.get(later)).toBeUndefined();
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Its state is the backup's: reopening it takes no new backup of the same thing.
    expect(app.session.backups().needsBackup(project.db)).toBe(false);
    // The reopened project takes changes as before.
    app.annotate(0, 5);
    expect(app.session.backups().needsBackup(project.db)).toBe(true);

    const list = await app.call<BackupInfo[]>('backups:list');
    const safety = list.find((b) => b.reason === 'before-restore')!;
    const replaced = Project.open(join(app.session.backups().dir, safety.id));
    expect(tableRows(replaced, 'annotations')).toEqual(stateBefore);
    replaced.close();
    app.session.close();
  });

  it('is seen whole by another connection that has the project open (the CLI, a second window)', async () => {
    const app = openApp();
    app.annotate(6, 18);
    const backup = await app.call<BackupInfo>('backups:create');
    for (let i = 0; i < 20; i++) app.annotate(i, i + 3);
    const other = Project.open(app.path);
    expect(other.annotations.listByDocument(other.documents.list()[0]!.id)).toHaveLength(21);

    await app.call('backups:restore', { id: backup.id });
    expect(other.annotations.listByDocument(other.documents.list()[0]!.id)).toHaveLength(1);
    expect(other.db.pragma('integrity_check', { simple: true })).toBe('ok');
    other.close();
    app.session.close();
  });

  it('answers an unknown backup with not_found and a path with invalid_payload, changing nothing', async () => {
    const app = openApp();
    app.annotate(6, 18);
    const backup = await app.call<BackupInfo>('backups:create');
    const before = tableRows(app.session.requireProject(), 'change_log');
    const attempts: Array<[unknown, string]> = [
      [{ id: '2020-01-01T00-00-00-000Z_manual_abcdef.spanlight' }, 'not_found'],
      [{ id: `../${backup.id}` }, 'invalid_payload'],
      [{ id: join(app.session.backups().dir, backup.id) }, 'invalid_payload'],
      [{ id: app.path }, 'invalid_payload'],
      [{ id: 'x'.repeat(5000) }, 'invalid_payload'],
      [{}, 'invalid_payload'],
    ];
    for (const [payload, code] of attempts) {
      await expect(
        app.call('backups:restore', payload),
        JSON.stringify(payload).slice(0, 80),
      ).rejects.toMatchObject({
        code,
      });
    }
    expect(tableRows(app.session.requireProject(), 'change_log')).toEqual(before);
    expect(await app.call<BackupInfo[]>('backups:list')).toHaveLength(1);
    app.session.close();
  });

  it('refuses a damaged backup and leaves the project as it was', async () => {
    const app = openApp();
    for (let i = 0; i < 30; i++) app.annotate(i, i + 2);
    const backup = await app.call<BackupInfo>('backups:create');
    const file = join(app.session.backups().dir, backup.id);
    // Scribble over the last page, where the newest rows are.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4000, 0xa5), 0, 4000, statSync(file).size - 4000);
    closeSync(fd);
    const before = tableRows(app.session.requireProject(), 'annotations');

    const result = await dispatch(app.handlers, 'backups:restore', { id: backup.id });
    expect(result).toMatchObject({ ok: false });
    expect(['invalid_input', 'not_found']).toContain(!result.ok && result.error.code);
    expect(tableRows(app.session.requireProject(), 'annotations')).toEqual(before);
    app.session.close();
  });

  it('says "in use" and changes nothing while another program holds the write lock past the busy timeout', async () => {
    const app = openApp();
    app.annotate(6, 18);
    const backup = await app.call<BackupInfo>('backups:create');
    for (let i = 0; i < 5; i++) app.annotate(i, i + 3);
    const before = tableRows(app.session.requireProject(), 'annotations');
    // A second program (the CLI in a long import) has the lock and keeps it.
    const other = new Database(app.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(app.call('backups:restore', { id: backup.id })).rejects.toMatchObject({
        code: 'project_in_use',
        message: expect.stringMatching(/thesis\.spanlight is in use by another program/),
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(tableRows(app.session.requireProject(), 'annotations')).toEqual(before);
    expect((await app.call<BackupInfo[]>('backups:list')).map((b) => b.reason)).toEqual(['manual']);
    // Once the other program lets go, the same restore goes through.
    await app.call('backups:restore', { id: backup.id });
    expect(tableRows(app.session.requireProject(), 'annotations')).toHaveLength(1);
    app.session.close();
  }, 20_000);

  it('restores a backup taken before a migration, from an older schema', async () => {
    const dir = temp.make();
    const path = join(dir, 'old.spanlight');
    const ids = createVersionOneProject(path, { documents: 3, annotationsPerDocument: 2, textLength: 200 });
    const session = new AppSession('browser', join(dir, 'data'));
    const project = session.openProject(path);
    const older = session.backups().list();
    expect(older.map((b) => b.reason)).toEqual(['before-migration']);
    project.annotationService.delete(project.annotations.listByDocument(ids[0]!)[0]!.id);
    expect(project.annotations.listByDocument(ids[0]!)).toHaveLength(1);

    await session.restoreBackup(older[0]!.id);
    expect(session.requireProject().annotations.listByDocument(ids[0]!)).toHaveLength(2);
    expect(session.requireProject().db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(session.requireProject().search.documents('Report', 10)).toHaveLength(3);
    session.close();
  });

  it('has nothing to offer for a session without a project', async () => {
    const session = new AppSession('browser', temp.make());
    expect(await dispatch(createHandlers(session), 'backups:list', {})).toMatchObject({
      ok: false,
      error: { code: 'no_project' },
    });
  });
});
