import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '@shared/errors';
import { Project } from '../project/project';
import { createProjectFile, sha256File, useTempDirs } from '../testing/fixtures';
import { createMemoryDatabase, createProjectDatabase, migrate, openProjectDatabase } from './connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { SPANLIGHT_APPLICATION_ID, inspectProjectFile } from './projectFile';

const temp = useTempDirs();

function pragma(db: Database.Database, name: string): unknown {
  return db.pragma(name, { simple: true });
}

describe('migrations', () => {
  it('are numbered 1..n from files named NNNN_name.sql', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS[0]!.name).toBe('init');
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('give a fresh database the latest user_version and the Spanlight application_id', () => {
    const db = createMemoryDatabase();
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(pragma(db, 'application_id')).toBe(SPANLIGHT_APPLICATION_ID);
    db.close();
  });

  it('write the same header to a project file, readable before SQLite opens it', () => {
    const path = join(temp.make(), 'fresh.spanlight');
    createProjectDatabase(path).close();
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION)).toEqual({
      applicationId: SPANLIGHT_APPLICATION_ID,
      userVersion: LATEST_SCHEMA_VERSION,
    });
  });

  it('migration 1 creates the schema', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(['actions', 'annotations', 'change_log', 'documents', 'labels', 'project_meta']);
    expect(pragma(db, 'user_version')).toBe(1);
    db.close();
  });

  it('seed the labels claim, denial and number with hotkeys 1, 2, 3', () => {
    const project = Project.inMemory();
    // toMatchObject: later migrations may give labels more fields; these ones stay.
    expect(project.labels.list()).toMatchObject([
      { id: 'claim', name: 'claim', color: '#0072b2', hotkey: '1', position: 0 },
      { id: 'denial', name: 'denial', color: '#d55e00', hotkey: '2', position: 1 },
      { id: 'number', name: 'number', color: '#009e73', hotkey: '3', position: 2 },
    ]);
    expect(project.labels.list()).toHaveLength(3);
    project.close();
  });

  it('make change_log append-only: UPDATE and DELETE raise', () => {
    const db = createMemoryDatabase();
    db.prepare(
      `INSERT INTO change_log (cause, at, entity, entity_id, op, after) VALUES ('do', 'now', 'annotation', 'a1', 'insert', '{}')`,
    ).run();
    expect(() => db.prepare(`UPDATE change_log SET actor = 'someone'`).run()).toThrow(/change_log is append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/change_log is append-only/);
    expect(db.prepare('SELECT entity_id, actor FROM change_log').all()).toEqual([{ entity_id: 'a1', actor: null }]);
    db.close();
  });

  it('are a no-op the second time, in memory and on a reopened file', () => {
    const db = createMemoryDatabase();
    const schema = () => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const before = { schema: schema(), labels: db.prepare('SELECT * FROM labels').all() };
    migrate(db);
    migrate(db);
    expect({ schema: schema(), labels: db.prepare('SELECT * FROM labels').all() }).toEqual(before);
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    db.close();

    const path = createProjectFile(join(temp.make(), 'reopened.spanlight'));
    for (let i = 0; i < 2; i++) {
      const reopened = openProjectDatabase(path);
      expect(pragma(reopened, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
      expect(reopened.prepare('SELECT count(*) FROM labels').pluck().get()).toBe(3);
      expect(reopened.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(1);
      reopened.close();
    }
  });
});

describe('opening a file that is not a usable project', () => {
  /**
   * Opens `path` as a project the way the app does and expects a refusal with `code` and a message naming the
   * file, with the file left byte for byte as it was and no SQLite side files created next to it.
   */
  function expectRefused(path: string, code: ErrorCode, message: RegExp): void {
    const hashBefore = sha256File(path);
    let error: unknown;
    try {
      Project.open(path).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toContain(path.split('/').pop()!);
    expect((error as AppError).message).toMatch(message);
    expect(sha256File(path)).toBe(hashBefore);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  }

  it('refuses a short text file named x.spanlight', () => {
    const path = join(temp.make(), 'x.spanlight');
    writeFileSync(path, 'just some notes\n');
    expectRefused(path, 'not_a_project', /x\.spanlight is not a Spanlight project: it is not a SQLite database/);
  });

  it('refuses a long text file named x.spanlight', () => {
    const path = join(temp.make(), 'x.spanlight');
    writeFileSync(path, 'A line of notes that is long enough to fill a SQLite header.\n'.repeat(100));
    expectRefused(path, 'not_a_project', /not a SQLite database/);
  });

  it('refuses a truncated copy of a real project', () => {
    const dir = temp.make();
    const original = createProjectFile(join(dir, 'original.spanlight'));
    const path = join(dir, 'cut.spanlight');
    copyFileSync(original, path);
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(4096);
    truncateSync(path, size - 4096); // lose the last page
    expectRefused(path, 'not_a_project', /cut\.spanlight is damaged: it is \d+ bytes, its header says \d+ \(truncated\?\)/);
    // The original still opens: the check is about the cut, not about the data.
    Project.open(original).close();
  });

  it('refuses a project cut in the middle of its header', () => {
    const dir = temp.make();
    const path = join(dir, 'stub.spanlight');
    writeFileSync(path, readFileSync(createProjectFile(join(dir, 'full.spanlight'))).subarray(0, 60));
    expectRefused(path, 'not_a_project', /not a SQLite database/);
  });

  it('refuses a SQLite database of another application', () => {
    const path = join(temp.make(), 'other.spanlight');
    const other = new Database(path);
    other.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
    other.prepare('INSERT INTO recipes (name) VALUES (?)').run('soup');
    other.close();
    expectRefused(path, 'not_a_project', /other\.spanlight is not a Spanlight project: it is a SQLite database of another application/);
  });

  it('refuses a project written by a newer Spanlight', () => {
    const path = createProjectFile(join(temp.make(), 'future.spanlight'));
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(
      path,
      'project_from_future',
      new RegExp(`future\\.spanlight was written by a newer Spanlight \\(schema version ${LATEST_SCHEMA_VERSION + 1}`),
    );
  });

  it('refuses a missing path without creating it', () => {
    const path = join(temp.make(), 'missing.spanlight');
    expect(() => Project.open(path)).toThrow(expect.objectContaining({ code: 'not_found', message: `${path} does not exist` }));
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a folder', () => {
    const path = join(temp.make(), 'folder.spanlight');
    mkdirSync(path);
    expect(() => Project.open(path)).toThrow(
      expect.objectContaining({ code: 'not_a_project', message: 'folder.spanlight is not a file' }),
    );
  });
});

describe('createProjectDatabase', () => {
  it('refuses a path that exists, leaving the file as it was', () => {
    const dir = temp.make();
    const project = createProjectFile(join(dir, 'taken.spanlight'));
    const text = join(dir, 'taken.txt');
    writeFileSync(text, 'not mine to overwrite');
    for (const path of [project, text]) {
      const hash = sha256File(path);
      expect(() => createProjectDatabase(path)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
      expect(() => Project.create(path)).toThrow(/already exists/);
      expect(sha256File(path)).toBe(hash);
    }
  });

  it('creates the missing folders on the way', () => {
    const path = join(temp.make(), 'a', 'b', 'new.spanlight');
    createProjectDatabase(path).close();
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(LATEST_SCHEMA_VERSION);
  });
});
