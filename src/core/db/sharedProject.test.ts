/**
 * A project open in the app while another program uses it: a second app instance, the CLI, or anything that
 * holds SQLite's write lock. Nothing may be corrupted, and when the lock cannot be had the user is told the
 * project is in use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { backUpBeforeMigrating } from '../backup/backupStore';
import { AppSession } from '../session/session';
import { runCli } from '../../cli/run';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { Project } from '../project/project';
import { addDocument, useTempDirs } from '../../../test/support/fixtures';
import { createVersionOneProject } from '../../../test/support/oldProject';
import { LATEST_SCHEMA_VERSION } from './migrations';

const temp = useTempDirs();
const ROOT = resolve(import.meta.dirname, '../../..');

/** Another program: takes the project's write lock, writes, and holds the lock `holdMs` before committing. */
const LOCK_HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO project_meta (key, value) VALUES ('held-by', 'another program')").run();
console.log('locked');
setTimeout(() => { db.exec('COMMIT'); db.close(); console.log('released'); }, Number(process.argv[2]));
`;

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const holder of holders.splice(0)) holder.kill('SIGKILL');
});

async function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess> {
  const holder = spawn(process.execPath, ['-e', LOCK_HOLDER, path, String(holdMs)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  holders.push(holder);
  const lines = createInterface({ input: holder.stdout! });
  const [first] = (await once(lines, 'line')) as [string];
  expect(first).toBe('locked');
  return holder;
}

function projectWithDocument() {
  const dir = temp.make();
  const session = new AppSession('browser', join(dir, 'data'));
  const project = session.createProject(join(dir, 'thesis'));
  const documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt.');
  return { dir, session, documentId, path: project.path! };
}

describe('another program writing to the open project', () => {
  it('makes a write wait for its short transaction, then the write lands', async () => {
    const { session, documentId, path } = projectWithDocument();
    await holdWriteLock(path, 400);
    const started = performance.now();
    session.requireProject().annotationService.create({ documentId, start: 0, end: 5, labelId: 'claim' });
    expect(performance.now() - started).toBeGreaterThan(250);
    const project = session.requireProject();
    expect(project.meta.get('held-by')).toBe('another program');
    expect(project.annotations.listByDocument(documentId)).toHaveLength(1);
    session.close();
  });

  it('holding the lock past busy_timeout: the write answers "in use", changes nothing, and lands once the lock is free', async () => {
    const { session, documentId, path } = projectWithDocument();
    const handlers = createHandlers(session);
    const holder = await holdWriteLock(path, 60_000);
    const started = performance.now();
    const refused = await dispatch(handlers, 'annotations:create', {
      documentId,
      start: 0,
      end: 5,
      labelId: 'claim',
    });
    expect(performance.now() - started).toBeGreaterThan(4500);
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'project_in_use',
        message: expect.stringMatching(
          /^thesis\.spanlight is in use by another program \(another Spanlight window or the command line is writing to it\); try again/,
        ),
        i18n: { ns: 'errors', key: 'project.inUse', params: { file: 'thesis.spanlight' } },
      },
    });
    expect(session.requireProject().annotations.listByDocument(documentId)).toEqual([]);

    // The other program dies holding the lock (its transaction is rolled back); the app carries on.
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    expect(
      await dispatch(handlers, 'annotations:create', { documentId, start: 0, end: 5, labelId: 'claim' }),
    ).toMatchObject({ ok: true });
    const project = session.requireProject();
    expect(project.meta.get('held-by')).toBeUndefined();
    expect(project.db.pragma('integrity_check', { simple: true })).toBe('ok');
    session.close();
  }, 20_000);

  it('opening a project that needs migrating while another program writes to it says "in use", and opens later', async () => {
    const dir = temp.make();
    const path = join(dir, 'old.spanlight');
    createVersionOneProject(path, { documents: 2, annotationsPerDocument: 1, textLength: 100 });
    const holder = await holdWriteLock(path, 60_000);
    expect(() =>
      Project.open(path, undefined, { beforeMigrate: backUpBeforeMigrating(join(dir, 'backups')) }),
    ).toThrow(
      expect.objectContaining({
        code: 'project_in_use',
        message: expect.stringContaining('old.spanlight is in use by another program'),
      }),
    );
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const project = Project.open(path, undefined, {
      beforeMigrate: backUpBeforeMigrating(join(dir, 'backups')),
    });
    expect(project.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(project.documents.count()).toBe(2);
    project.close();
  }, 20_000);
});

describe('the CLI while the app has the project open', () => {
  it('regression: reads and imports a project whose newest header is still in the -wal file (was refused as "of another application")', async () => {
    const { dir, session, path } = projectWithDocument();
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(`ERR ${line}`) };

    expect(await runCli(['stats', path, '--json'], io)).toBe(0);
    expect(JSON.parse(lines.pop()!)).toMatchObject({ documents: 1 });

    const article = join(dir, 'from-cli.txt');
    (await import('node:fs')).writeFileSync(article, 'From the CLI\nA second article.');
    expect(await runCli(['import', path, article], io)).toBe(0);
    // The app sees it at once, through its own connection.
    expect(
      session
        .requireProject()
        .documents.list()
        .map((d) => d.title),
    ).toEqual(['Title', 'From the CLI']);
    expect(session.requireProject().db.pragma('integrity_check', { simple: true })).toBe('ok');
    session.close();
  });
});
