/**
 * A project as Spanlight 1 left it (schema version 1, WAL, documents and annotations), for the tests of what
 * happens when a newer Spanlight opens it: the migration, the backup taken first, a crash in between.
 * Written with SQL of schema 1, since today's repositories expect today's schema. Test-only.
 */
import Database from 'better-sqlite3';
import { migrate } from '../../src/core/db/connection';
import { newDocument } from '../../src/core/import/textDocument';

export interface OldProjectContents {
  documents: number;
  annotationsPerDocument: number;
  /** Code points of text per document. */
  textLength: number;
}

/** Writes the project and returns the ids of its documents. */
export function createVersionOneProject(path: string, contents: OldProjectContents): string[] {
  const db = new Database(path);
  const ids: string[] = [];
  try {
    db.pragma('journal_mode = WAL');
    migrate(db, 1);
    const insertDocument = db.prepare(
      `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at)
       VALUES (@id, @title, @fileName, @text, @sha256, @length, @importedAt)`,
    );
    const insertAnnotation = db.prepare(
      `INSERT INTO annotations (id, document_id, label_id, start, "end", note, annotator, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`,
    );
    const insertChange = db.prepare(
      `INSERT INTO change_log (action_id, cause, at, actor, entity, entity_id, op, before, after)
       VALUES (NULL, 'import', '2024-01-01T00:00:00.000Z', NULL, 'document', ?, 'insert', NULL, '{}')`,
    );
    db.transaction(() => {
      for (let d = 0; d < contents.documents; d++) {
        const words = Array.from(
          { length: Math.ceil(contents.textLength / 12) },
          (_, w) => `word${(d * 7919 + w) % 10007}`,
        );
        const text = `Report ${d}\n${words.join(' ')} قال المصدر`.slice(0, contents.textLength);
        const document = newDocument(`report-${d}.txt`, text, '2024-01-01T00:00:00.000Z');
        insertDocument.run(document);
        insertChange.run(document.id);
        for (let a = 0; a < contents.annotationsPerDocument; a++) {
          insertAnnotation.run(
            `${document.id}-a${a}`,
            document.id,
            ['claim', 'denial', 'number'][a % 3],
            a,
            a + 5,
            `note ${a}`,
          );
        }
        ids.push(document.id);
      }
    })();
  } finally {
    db.close();
  }
  return ids;
}
