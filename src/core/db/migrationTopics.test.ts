import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, registerFunctions } from './connection';

describe('migration 8 (topics)', () => {
  it('adds an empty topics table whose names are unique in any case, keeping every annotation', () => {
    const db = new Database(':memory:');
    registerFunctions(db);
    migrate(db, 7);
    db.prepare(
      `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at) VALUES ('d', 't', 'f', 'abc', 'x', 3, 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO annotations (id, document_id, label_id, start, "end", created_at, updated_at, attributes)
       VALUES ('a', 'd', 'number', 0, 1, 'now', 'now', '{"topic":"pay"}')`,
    ).run();
    const before = db.prepare('SELECT * FROM annotations').all();
    migrate(db, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT * FROM annotations').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM topics').get()).toEqual({ n: 0 });
    db.prepare(`INSERT INTO topics VALUES ('t1', 'Pay', 0)`).run();
    expect(() => db.prepare(`INSERT INTO topics VALUES ('t2', 'pay', 1)`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});
