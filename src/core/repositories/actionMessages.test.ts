import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { message } from '@shared/messages/message';
import { ChangeLogRepository } from './changeLog';
import { migrate, registerFunctions } from '../db/connection';

function atVersion(version: number): Database.Database {
  const db = new Database(':memory:');
  registerFunctions(db);
  migrate(db, version);
  return db;
}

describe('migration 9 (action messages)', () => {
  it('keeps the actions recorded before it, English only, with no message', () => {
    const db = atVersion(8);
    db.prepare(
      `INSERT INTO actions (document_id, description, state, created_at) VALUES ('d', 'delete x in y', 'done', 'now')`,
    ).run();
    const before = db.prepare('SELECT * FROM actions').all();
    migrate(db, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT * FROM actions').all()).toEqual(
      before.map((row) => ({ ...(row as object), description_message: null })),
    );
    // An action of the earlier session: its English comes back, and no message to word it from.
    expect(new ChangeLogRepository(db).lastDone('d')).toEqual({ id: 1, description: 'delete x in y' });
    db.close();
  });

  it('records a new action as its English and its message, and reads the message back', () => {
    const db = atVersion(9);
    const changes = new ChangeLogRepository(db);
    const said = message('actions', 'delete', { label: 'x in y' });
    const id = changes.beginAction('d', said, 'now');
    expect(db.prepare('SELECT description, description_message FROM actions WHERE id = ?').get(id)).toEqual({
      description: 'delete x in y',
      description_message: JSON.stringify(said),
    });
    expect(changes.lastDone('d')).toEqual({ id, description: 'delete x in y', message: said });
    db.close();
  });

  it('reads a column that holds no message (malformed JSON, another shape) as no message', () => {
    const db = atVersion(9);
    const insert = db.prepare(
      `INSERT INTO actions (document_id, description, description_message, state, created_at) VALUES ('d', 'edit note', ?, 'done', 'now')`,
    );
    for (const stored of [
      '{not json',
      '{"ns":"nowhere","key":"editNote"}',
      '{"ns":"actions","key":7}',
      '"x"',
    ])
      insert.run(stored);
    const changes = new ChangeLogRepository(db);
    for (let i = 0; i < 4; i++) {
      const action = changes.lastDone('d')!;
      expect(action).toEqual({ id: action.id, description: 'edit note' });
      changes.setState(action.id, 'undone');
    }
    db.close();
  });
});
