import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '@shared/errors';
import { foldForSearch } from '@shared/searchFold';
import { Project } from '../project/project';
import {
  createProjectFile,
  sha256File,
  steppingClock,
  tableRows,
  useTempDirs,
} from '../../../test/support/fixtures';
import {
  createMemoryDatabase,
  createProjectDatabase,
  migrate,
  openProjectDatabase,
  registerFunctions,
} from './connection';
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
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
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
    expect(() => db.prepare(`UPDATE change_log SET actor = 'someone'`).run()).toThrow(
      /change_log is append-only/,
    );
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/change_log is append-only/);
    expect(db.prepare('SELECT entity_id, actor FROM change_log').all()).toEqual([
      { entity_id: 'a1', actor: null },
    ]);
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
    expectRefused(
      path,
      'not_a_project',
      /x\.spanlight is not a Spanlight project: it is not a SQLite database/,
    );
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
    expectRefused(
      path,
      'not_a_project',
      /cut\.spanlight is damaged: it is \d+ bytes, its header says \d+ \(truncated\?\)/,
    );
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
    expectRefused(
      path,
      'not_a_project',
      /other\.spanlight is not a Spanlight project: it is a SQLite database of another application/,
    );
  });

  it('refuses a project written by a newer Spanlight', () => {
    const path = createProjectFile(join(temp.make(), 'future.spanlight'));
    const raw = new Database(path);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefused(
      path,
      'project_from_future',
      new RegExp(
        `future\\.spanlight was written by a newer Spanlight \\(schema version ${LATEST_SCHEMA_VERSION + 1}`,
      ),
    );
  });

  it('refuses a missing path without creating it', () => {
    const path = join(temp.make(), 'missing.spanlight');
    expect(() => Project.open(path)).toThrow(
      expect.objectContaining({ code: 'not_found', message: `${path} does not exist` }),
    );
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a folder', () => {
    const path = join(temp.make(), 'folder.spanlight');
    mkdirSync(path);
    expect(() => Project.open(path)).toThrow(
      expect.objectContaining({ code: 'not_a_project', message: 'folder.spanlight is not a file' }),
    );
  });

  // While another program has a database open in WAL mode its newest header can still be in the -wal file, so
  // the check reads it through a read-only connection: that must refuse as well, and write to neither file.
  it.each([
    [
      'a SQLite database of another application',
      'busy.spanlight',
      /it is a SQLite database of another application/,
      (db: Database.Database) => {
        db.exec('CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)');
        db.prepare('INSERT INTO recipes (name) VALUES (?)').run('soup');
      },
    ],
    [
      'a project from a newer Spanlight',
      'newer.spanlight',
      /was written by a newer Spanlight/,
      (db: Database.Database) => {
        migrate(db);
        db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      },
    ],
  ] as const)(
    'refuses %s that another program has open, its header in the -wal file, changing neither file',
    (_name, file, message, fill) => {
      const path = join(temp.make(), file);
      const other = new Database(path);
      other.pragma('journal_mode = WAL');
      other.pragma('wal_autocheckpoint = 0');
      registerFunctions(other);
      fill(other);
      expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
      const hashes = [sha256File(path), sha256File(`${path}-wal`)];
      expect(() => Project.open(path)).toThrow(message);
      expect([sha256File(path), sha256File(`${path}-wal`)]).toEqual(hashes);
      other.close();
    },
  );
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

/**
 * A version-1 database holding what Spanlight 1 wrote: two documents, annotations, one undoable action and
 * its change_log row, whose annotation JSON has no `attributes` (they did not exist yet).
 */
function versionOneDatabase(db: Database.Database): void {
  migrate(db, 1);
  expect(pragma(db, 'user_version')).toBe(1);
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at) VALUES (?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00.000Z')`,
  );
  const insertAnnotation = db.prepare(
    `INSERT INTO annotations (id, document_id, label_id, start, "end", note, annotator, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z')`,
  );
  insertDocument.run('ar', V1_AR_TITLE, 'ar.txt', V1_AR_TEXT, 'a'.repeat(64), Array.from(V1_AR_TEXT).length);
  insertDocument.run(
    'en',
    'Fighters defect',
    'en.txt',
    V1_EN_TEXT,
    'b'.repeat(64),
    Array.from(V1_EN_TEXT).length,
  );
  insertAnnotation.run('a1', 'ar', 'claim', 0, 3, '', 'rima');
  insertAnnotation.run('a2', 'en', 'number', 24, 26, 'fifteen', null);
  insertAnnotation.run('a3', 'en', 'denial', 0, 8, '', null);
  db.prepare(`INSERT INTO project_meta (key, value) VALUES ('annotator', 'rima')`).run();
  db.prepare(
    `INSERT INTO actions (id, document_id, description, state, created_at) VALUES (1, 'en', 'create number', 'done', '2024-01-01T00:00:01.000Z')`,
  ).run();
  const loggedV1 = {
    id: 'a2',
    documentId: 'en',
    labelId: 'number',
    start: 24,
    end: 26,
    note: 'fifteen',
    annotator: null,
    createdAt: '2024-01-01T00:00:01.000Z',
    updatedAt: '2024-01-01T00:00:02.000Z',
  };
  db.prepare(
    `INSERT INTO change_log (action_id, cause, at, actor, entity, entity_id, op, before, after)
     VALUES (1, 'do', '2024-01-01T00:00:01.000Z', NULL, 'annotation', 'a2', 'insert', NULL, ?)`,
  ).run(JSON.stringify(loggedV1));
}

const V1_AR_TITLE = 'مصادر: هروب مُقَاتِلِينَ';
const V1_AR_TEXT = `${V1_AR_TITLE}\nقال المصدر إنّ الـــهجوم على المدرسة فشل.`;
const V1_EN_TEXT = 'Fighters defect\nAbout 15 FIGHTERS fled the Café.';

describe('migration 3', () => {
  const indexesOf = (db: Database.Database) =>
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'annotations' AND sql IS NOT NULL ORDER BY name`,
      )
      .pluck()
      .all();

  it('replaces the index by document with one in export order (document, start, end, id), keeping every row', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    versionOneDatabase(db);
    migrate(db, 2);
    expect(indexesOf(db)).toEqual(['annotations_by_document', 'annotations_by_label']);
    const before = db.prepare('SELECT * FROM annotations ORDER BY id').all();
    migrate(db, 3);
    expect(pragma(db, 'user_version')).toBe(3);
    expect(indexesOf(db)).toEqual(['annotations_by_document_in_order', 'annotations_by_label']);
    const indexed = db.pragma('index_info(annotations_by_document_in_order)') as Array<{ name: string }>;
    expect(indexed.map((column) => column.name)).toEqual(['document_id', 'start', 'end', 'id']);
    expect(db.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(before);
    expect(pragma(db, 'integrity_check')).toBe('ok');
    db.close();
  });

  it("lets the export's query read a page of documents' annotations in order without sorting them", () => {
    const db = createMemoryDatabase();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM annotations WHERE document_id IN (SELECT value FROM json_each(?))
         ORDER BY document_id, start, "end", id`,
      )
      .all('["a","b"]')
      .map((row) => (row as { detail: string }).detail);
    expect(plan.some((step) => step.includes('USING INDEX annotations_by_document_in_order'))).toBe(true);
    expect(plan.filter((step) => step.includes('TEMP B-TREE'))).toEqual([]);
    db.close();
  });
});

describe('migration 4', () => {
  it('gives the document list its columns in an index of their own, keeping every row', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    versionOneDatabase(db);
    migrate(db, 3);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, 4);
    expect(pragma(db, 'user_version')).toBe(4);
    const indexed = db.pragma('index_info(documents_listed)') as Array<{ name: string }>;
    expect(indexed.map((column) => column.name)).toEqual([
      'title',
      'file_name',
      'status',
      'length',
      'imported_at',
      'id',
    ]);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    db.close();
  });
});

describe('migration 5', () => {
  it('leaves no application function in a trigger, and a document imported after it is found by search', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    versionOneDatabase(db);
    migrate(db, 4);
    const triggers = () =>
      db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all() as Array<{
        name: string;
        sql: string;
      }>;
    expect(triggers().some((t) => t.sql.includes('spanlight_fold'))).toBe(true);
    const indexedBefore = db.prepare('SELECT rowid, title, body FROM documents_search ORDER BY rowid').all();
    migrate(db, 5);
    expect(pragma(db, 'user_version')).toBe(5);
    expect(triggers().filter((t) => t.sql.includes('spanlight_fold'))).toEqual([]);
    expect(triggers().map((t) => t.name)).toContain('documents_search_delete');
    expect(db.prepare('SELECT rowid, title, body FROM documents_search ORDER BY rowid').all()).toEqual(
      indexedBefore,
    );
    db.close();
  });

  it('lets a project opened with trusted_schema=OFF import and find a document', () => {
    const path = join(temp.make(), 'trusted.spanlight');
    createProjectFile(path);
    const project = Project.open(path);
    try {
      expect(pragma(project.db, 'trusted_schema')).toBe(0);
      expect(project.search.documents('minister', 10).map((hit) => hit.title)).toEqual(['Title']);
    } finally {
      project.close();
    }
  });
});

describe('migration 6', () => {
  it('adds per-annotator layers, merge records, suggestion rejections and annotation origins, keeping every row', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    versionOneDatabase(db);
    migrate(db, 5);
    const before = db.prepare('SELECT * FROM annotations ORDER BY id').all() as Array<
      Record<string, unknown>
    >;
    migrate(db, 6);
    expect(pragma(db, 'user_version')).toBe(6);
    const after = db.prepare('SELECT * FROM annotations ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after).toEqual(before.map((row) => ({ ...row, origin: null })));
    const tables = (
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['document_layers', 'layer_merges', 'suggestion_rejections']),
    );
    const documentId = (db.prepare('SELECT id FROM documents LIMIT 1').get() as { id: string }).id;
    expect(() =>
      db.prepare(`INSERT INTO document_layers VALUES (?, 'A', 'finished', 'now')`).run(documentId),
    ).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE annotations SET origin = 'model'`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 7', () => {
  it('gives every existing document an empty provenance row, keeping every document as it was', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    versionOneDatabase(db);
    migrate(db, 6);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all() as Array<{ id: string }>;
    expect(before.length).toBeGreaterThan(0);
    migrate(db, 7);
    expect(pragma(db, 'user_version')).toBe(7);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT * FROM document_meta ORDER BY document_id').all()).toEqual(
      before.map(({ id }) => ({
        document_id: id,
        outlet: null,
        published: null,
        url: null,
        language: null,
        external_id: null,
        extra: '{}',
      })),
    );
    // The row goes with its document.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM documents WHERE id = ?').run(before[0]!.id);
    expect(
      db.prepare('SELECT count(*) AS n FROM document_meta WHERE document_id = ?').get(before[0]!.id),
    ).toEqual({
      n: 0,
    });
    db.close();
  });
});

describe('migration 2 on a version-1 database', () => {
  function migratedFromOne() {
    const db = new Database(':memory:');
    registerFunctions(db);
    db.pragma('foreign_keys = ON');
    versionOneDatabase(db);
    const before = {
      documents: db.prepare('SELECT * FROM documents ORDER BY id').all(),
      annotations: db.prepare('SELECT * FROM annotations ORDER BY id').all() as Array<
        Record<string, unknown>
      >,
      labels: db.prepare('SELECT * FROM labels ORDER BY id').all() as Array<Record<string, unknown>>,
      actions: db.prepare('SELECT * FROM actions ORDER BY id').all(),
      changeLog: db.prepare('SELECT * FROM change_log ORDER BY seq').all(),
      meta: db.prepare('SELECT * FROM project_meta ORDER BY key').all(),
    };
    migrate(db);
    return { db, before };
  }

  it('reaches the latest version and keeps every row, giving annotations attributes {}', () => {
    const { db, before } = migratedFromOne();
    expect(pragma(db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before.documents);
    expect(db.prepare('SELECT * FROM annotations ORDER BY id').all()).toEqual(
      before.annotations.map((row) => ({ ...row, attributes: '{}', origin: null })),
    );
    // Actions recorded before schema 9 have no message, only their English description.
    expect(db.prepare('SELECT * FROM actions ORDER BY id').all()).toEqual(
      before.actions.map((row) => ({ ...(row as object), description_message: null })),
    );
    expect(db.prepare('SELECT * FROM change_log ORDER BY seq').all()).toEqual(before.changeLog);
    expect(db.prepare('SELECT * FROM project_meta ORDER BY key').all()).toEqual(before.meta);
    expect(db.prepare('SELECT count(*) FROM relations').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(pragma(db, 'integrity_check')).toBe('ok');
    db.close();
  });

  it('seeds the attribute definitions of the three labels and keeps the rest of each label', () => {
    const { db, before } = migratedFromOne();
    const labels = db.prepare('SELECT * FROM labels ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(labels.map(({ attributes: _, ...rest }) => rest)).toEqual(before.labels);
    const definitions = Object.fromEntries(labels.map((l) => [l.id, JSON.parse(l.attributes as string)]));
    expect(definitions).toEqual({
      number: [
        { name: 'value', type: 'number' },
        { name: 'unit', type: 'text', suggest: true },
        { name: 'approximate', type: 'boolean' },
      ],
      claim: [
        { name: 'source', type: 'text', suggest: true },
        { name: 'stance', type: 'choice', choices: ['asserts', 'reports', 'disputes'] },
      ],
      denial: [{ name: 'source', type: 'text', suggest: true }],
    });
    db.close();
  });

  it('indexes the existing documents for search, folded', () => {
    const { db } = migratedFromOne();
    const indexed = db
      .prepare(
        'SELECT d.id, s.title, s.body FROM documents_search s JOIN documents d ON d.rowid = s.rowid ORDER BY d.id',
      )
      .all();
    expect(indexed).toEqual([
      { id: 'ar', title: foldForSearch(V1_AR_TITLE), body: foldForSearch(V1_AR_TEXT) },
      { id: 'en', title: 'fighters defect', body: foldForSearch(V1_EN_TEXT) },
    ]);
    const match = (query: string) =>
      db
        .prepare(
          'SELECT d.id FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid WHERE documents_search MATCH ? ORDER BY d.id',
        )
        .pluck()
        .all(query);
    // Bare spellings find the vocalised, stretched, hamza'd and ta-marbuta spellings of the old text.
    expect(match('"مقاتلين"')).toEqual(['ar']);
    expect(match('"الهجوم" "المدرسه"')).toEqual(['ar']);
    expect(match('"ان"')).toEqual(['ar']);
    expect(match('"fighters"')).toEqual(['en']);
    expect(match('"cafe"')).toEqual(['en']);
    db.close();
  });

  it('opens a version-1 project file, which then searches and undoes its old actions', () => {
    const path = join(temp.make(), 'v1.spanlight');
    const raw = new Database(path);
    versionOneDatabase(raw);
    raw.close();
    expect(inspectProjectFile(path, LATEST_SCHEMA_VERSION).userVersion).toBe(1);

    const project = Project.open(path, steppingClock(Date.UTC(2025, 0, 1)));
    try {
      expect(pragma(project.db, 'user_version')).toBe(LATEST_SCHEMA_VERSION);
      expect(project.search.documents('هجوم المدرسة', 10)).toEqual([]); // "هجوم" is not a word start here
      expect(project.search.documents('الهجوم', 10).map((h) => h.documentId)).toEqual(['ar']);
      expect(project.annotations.get('a2')).toMatchObject({ attributes: {}, note: 'fifteen' });

      // The action logged by version 1 (annotation JSON without attributes) still undoes and redoes.
      const stored = tableRows(project, 'annotations');
      const undo = project.history.undo('en');
      expect(undo).toMatchObject({ description: 'create number', deletedIds: ['a2'] });
      // Recorded before schema 9: English only, which the renderer reads back (actionDescription.ts).
      expect(undo).not.toHaveProperty('message');
      expect(project.annotations.get('a2')).toBeUndefined();
      const redo = project.history.redo('en');
      expect(redo.description).toBe('create number');
      // What the renderer receives is a whole annotation, attributes included.
      expect(redo.upserted).toEqual([project.annotations.get('a2')]);
      expect(redo.upserted[0]!.attributes).toEqual({});
      expect(tableRows(project, 'annotations')).toEqual(stored);
    } finally {
      project.close();
    }
  });
});
