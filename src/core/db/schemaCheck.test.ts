import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../import/textDocument';
import { Project } from '../project/project';
import {
  createProjectFile,
  expectAppError,
  sha256File,
  steppingClock,
  useTempDirs,
} from '../../../test/support/fixtures';
import { openProjectDatabase } from './connection';
import { checkProjectContents } from './schemaCheck';

const temp = useTempDirs();

/** A real project file, then changed by `tamper` through a plain SQLite connection, as an attacker would. */
function tamperedProject(tamper: (db: Database.Database) => void): string {
  const path = createProjectFile(join(temp.make(), 'hostile.spanlight'));
  const db = new Database(path);
  try {
    tamper(db);
  } finally {
    db.close();
  }
  return path;
}

function expectRefused(path: string, problem: RegExp): void {
  const before = sha256File(path);
  expectAppError(() => Project.open(path), 'not_a_project', problem);
  expect(sha256File(path)).toBe(before);
}

describe('opening a project whose file was written by someone else', () => {
  it('refuses a trigger that deletes each annotation once acknowledged, and leaves the file as it was', () => {
    const path = tamperedProject((db) =>
      db.exec(`CREATE TRIGGER forget AFTER INSERT ON annotations BEGIN
                 DELETE FROM annotations WHERE id = new.id;
               END`),
    );
    expectRefused(
      path,
      /hostile\.spanlight was not opened: it contains a trigger "forget" that Spanlight does not create/,
    );
  });

  it('refuses a view named like one of its tables (one that never ends)', () => {
    const path = tamperedProject((db) =>
      db.exec(`PRAGMA foreign_keys = OFF;
               DROP TABLE labels;
               CREATE VIEW labels AS
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                 SELECT 'claim' AS id, 'claim' AS name, '#000000' AS color, NULL AS hotkey, i AS position,
                        '[]' AS attributes FROM n`),
    );
    const started = Date.now();
    expectRefused(
      path,
      /hostile\.spanlight was not opened: its view "labels" is defined differently|it contains a view "labels"/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses an extra view and an extra index', () => {
    expectRefused(
      tamperedProject((db) => db.exec(`CREATE VIEW spy AS SELECT * FROM documents`)),
      /it contains a view "spy" that Spanlight does not create/,
    );
    expectRefused(
      tamperedProject((db) => db.exec(`CREATE INDEX notes ON annotations (note)`)),
      /it contains a index "notes"|it contains an? index "notes"/,
    );
  });

  it('refuses a table whose definition was replaced (here links without their CHECK), its indexes rebuilt', () => {
    const path = tamperedProject((db) =>
      db.exec(`DROP TABLE relations;
               CREATE TABLE relations (
                 id TEXT PRIMARY KEY, document_id TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL,
                 type TEXT NOT NULL, annotator TEXT, created_at TEXT NOT NULL, UNIQUE (from_id, to_id, type)
               ) STRICT;
               CREATE INDEX relations_by_document ON relations (document_id);
               CREATE INDEX relations_by_to ON relations (to_id);`),
    );
    expectRefused(path, /its table "relations" is defined differently from Spanlight's/);
  });

  it('refuses a project missing one of its tables', () => {
    const path = tamperedProject((db) => db.exec(`DROP TABLE relations`));
    expectRefused(path, /its (table|index) "relations\w*" is missing/);
  });

  it('refuses an annotation past the end of its text, naming the document', () => {
    const path = tamperedProject((db) => db.exec(`UPDATE annotations SET "end" = 10000`));
    expectRefused(
      path,
      /hostile\.spanlight was not opened: it has annotations outside the text of its document "Title"/,
    );
  });

  it('opens a project as Spanlight wrote it, and one that SQLite has gathered statistics in', () => {
    const path = createProjectFile(join(temp.make(), 'own.spanlight'));
    const db = new Database(path);
    db.exec('ANALYZE');
    db.close();
    const project = Project.open(path);
    try {
      expect(project.documents.count()).toBe(1);
      expect(project.db.pragma('trusted_schema', { simple: true })).toBe(0);
    } finally {
      project.close();
    }
  });

  it('checks a project of 10,000 articles of 4 KB, each annotated, in well under a second', () => {
    const path = join(temp.make(), 'large.spanlight');
    Project.create(path, steppingClock()).close();
    // Rows written directly: the check reads only documents and annotations, and the importer would take
    // most of this test's time building the search index.
    const writer = new Database(path);
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const insertDocument = writer.prepare(
      `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at)
       VALUES (@id, @title, @fileName, @text, @sha256, @length, @importedAt)`,
    );
    const insertAnnotation = writer.prepare(
      `INSERT INTO annotations (id, document_id, label_id, start, "end", created_at, updated_at)
       VALUES (?, ?, 'claim', ?, ?, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    );
    writer.transaction(() => {
      for (let d = 0; d < 10_000; d++) {
        const document = newDocument(`a${d}.txt`, `Article ${d}\n${words}`, '2024-01-01T00:00:00.000Z');
        insertDocument.run(document);
        for (let a = 0; a < 5; a++)
          insertAnnotation.run(`${document.id}-${a}`, document.id, a * 10, a * 10 + 8);
      }
    })();
    writer.close();
    const db = openProjectDatabase(path);
    try {
      const started = performance.now();
      checkProjectContents(db, path);
      const took = performance.now() - started;
      console.log(`schema and row check of 10,000 documents: ${took.toFixed(0)} ms`);
      expect(took).toBeLessThan(500);
    } finally {
      db.close();
    }
  }, 60_000);
});
