import { englishOf, isMessage, type Message } from '@shared/messages/message';
import type { Annotation, Relation } from '@shared/model';
import type { Db } from '../db/connection';

export type ChangeCause = 'do' | 'undo' | 'redo' | 'import';
export type ChangeEntity =
  | 'annotation'
  | 'relation'
  | 'document'
  | 'document_meta'
  | 'label'
  | 'project'
  | 'suggestion'
  | 'topic'
  | 'layer'
  /** A curated layer's rejected spans in a document (project/rejections.ts). */
  | 'rejection';

/**
 * A whole layer's change in one entry (a merge): the annotations and links it touched as they were before
 * (those that existed) and after (those that exist after). Undo and redo go from one side to the other.
 */
export interface LayerState {
  annotations: Annotation[];
  relations: Relation[];
}

/** One entity going from `before` to `after`; null stands for "did not exist". */
export interface ChangeEntry {
  entity: ChangeEntity;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface ActionRecord {
  id: number;
  /** In English, as the command line and the audit trail read it. */
  description: string;
  /** What the action did as a message; absent for one recorded before schema 9 (or unreadable). */
  message?: Message;
}

interface ActionRow {
  id: number;
  description: string;
  description_message: string | null;
}

/** The stored message of an action, or undefined when there is none or it is not a message. */
function messageOf(stored: string | null): Message | undefined {
  if (stored === null) return undefined;
  try {
    const value: unknown = JSON.parse(stored);
    return isMessage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function recordOf(row: ActionRow | undefined): ActionRecord | undefined {
  if (!row) return undefined;
  const message = messageOf(row.description_message);
  return { id: row.id, description: row.description, ...(message && { message }) };
}

interface ChangeRow {
  entity: ChangeEntity;
  entity_id: string;
  before: string | null;
  after: string | null;
}

function opOf(entry: ChangeEntry): 'insert' | 'update' | 'delete' {
  if (entry.before == null) return 'insert';
  if (entry.after == null) return 'delete';
  return 'update';
}

/**
 * The append-only change log and the undo stack built over it. An action groups the changes of one user
 * step; undo and redo never rewrite the log, they append the changes they make with their own cause.
 *
 * The undo stack is this session's: the actions there were when this connection opened the project (the
 * history an earlier session left, as before), and those begun through this connection since, listed in TEMP
 * tables (which live and die with the connection and are invisible to every other). A second window or the
 * command line has a connection of its own, so one window's Ctrl+Z never undoes, nor its next change discards
 * the redo of, a change another made while both had the project open.
 */
export class ChangeLogRepository {
  private readonly insertAction;
  private readonly discardUndone;
  private readonly setStateStmt;
  private readonly lastDoneStmt;
  private readonly firstUndoneStmt;
  private readonly appendStmt;
  private readonly entriesStmt;
  private readonly documentsLoggingLabelStmt;
  private readonly discardHistoryStmt;
  private readonly ownStmt;
  private readonly discardSessionStmt;

  constructor(db: Db) {
    // An action begun here is known by its id and its time: a restore can bring back fewer actions than this
    // session made, after which a new action (this session's or another's) may reuse an id this session had.
    db.exec(
      `CREATE TEMP TABLE IF NOT EXISTS session_actions (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
       CREATE TEMP TABLE IF NOT EXISTS session_start (one INTEGER PRIMARY KEY CHECK (one = 1), inherited INTEGER NOT NULL);
       INSERT OR IGNORE INTO temp.session_start (one, inherited) SELECT 1, coalesce(max(id), 0) FROM main.actions;`,
    );
    const mine = `(id <= (SELECT inherited FROM temp.session_start)
      OR EXISTS (SELECT 1 FROM temp.session_actions s WHERE s.id = actions.id AND s.created_at = actions.created_at))`;
    this.insertAction = db.prepare<[string, string, string, string]>(
      `INSERT INTO actions (document_id, description, description_message, state, created_at)
       VALUES (?, ?, ?, 'done', ?)`,
    );
    this.ownStmt = db.prepare<[number, string]>(
      'INSERT OR REPLACE INTO temp.session_actions (id, created_at) VALUES (?, ?)',
    );
    this.discardUndone = db.prepare<[string]>(
      `UPDATE actions SET state = 'discarded' WHERE document_id = ? AND state = 'undone' AND ${mine}`,
    );
    this.setStateStmt = db.prepare<[string, number]>('UPDATE actions SET state = ? WHERE id = ?');
    this.discardSessionStmt = db.prepare<[string]>(
      `UPDATE actions SET state = 'discarded' WHERE document_id = ? AND state <> 'discarded' AND ${mine}`,
    );
    this.lastDoneStmt = db.prepare<[string], ActionRow>(
      `SELECT id, description, description_message FROM actions WHERE document_id = ? AND state = 'done' AND ${mine} ORDER BY id DESC LIMIT 1`,
    );
    // Undo walks down from the newest action, so the oldest undone one is the next to redo.
    this.firstUndoneStmt = db.prepare<[string], ActionRow>(
      `SELECT id, description, description_message FROM actions WHERE document_id = ? AND state = 'undone' AND ${mine} ORDER BY id ASC LIMIT 1`,
    );
    this.appendStmt = db.prepare(
      `INSERT INTO change_log (action_id, cause, at, actor, entity, entity_id, op, before, after)
       VALUES (@actionId, @cause, @at, @actor, @entity, @entityId, @op, @before, @after)`,
    );
    this.entriesStmt = db.prepare<[number], ChangeRow>(
      `SELECT entity, entity_id, before, after FROM change_log WHERE action_id = ? AND cause = 'do' ORDER BY seq`,
    );
    this.documentsLoggingLabelStmt = db
      .prepare<[string, string], string>(
        `SELECT DISTINCT a.document_id FROM change_log c JOIN actions a ON a.id = c.action_id
         WHERE c.entity = 'annotation' AND (json_extract(c.before, '$.labelId') = ? OR json_extract(c.after, '$.labelId') = ?)`,
      )
      .pluck();
    this.discardHistoryStmt = db.prepare<[string]>(
      `UPDATE actions SET state = 'discarded' WHERE document_id = ? AND state <> 'discarded'`,
    );
  }

  /**
   * Starts a new user action on a document, on this session's undo stack; what this session could have
   * redone there no longer can.
   */
  beginAction(documentId: string, description: Message, at: string): number {
    this.discardUndone.run(documentId);
    const id = Number(
      this.insertAction.run(documentId, englishOf(description), JSON.stringify(description), at)
        .lastInsertRowid,
    );
    this.ownStmt.run(id, at);
    return id;
  }

  append(
    actionId: number | null,
    cause: ChangeCause,
    at: string,
    actor: string | null,
    entry: ChangeEntry,
  ): void {
    this.appendStmt.run({
      actionId,
      cause,
      at,
      actor,
      entity: entry.entity,
      entityId: entry.entityId,
      op: opOf(entry),
      before: entry.before == null ? null : JSON.stringify(entry.before),
      after: entry.after == null ? null : JSON.stringify(entry.after),
    });
  }

  lastDone(documentId: string): ActionRecord | undefined {
    return recordOf(this.lastDoneStmt.get(documentId));
  }

  firstUndone(documentId: string): ActionRecord | undefined {
    return recordOf(this.firstUndoneStmt.get(documentId));
  }

  setState(actionId: number, state: 'done' | 'undone'): void {
    this.setStateStmt.run(state, actionId);
  }

  /** The documents whose undo history holds a state of an annotation of label `labelId`. */
  documentsWithLoggedLabel(labelId: string): string[] {
    return this.documentsLoggingLabelStmt.all(labelId, labelId);
  }

  /** Ends the undo history of a document: none of its actions can be undone or redone any more. */
  discardHistory(documentId: string): void {
    this.discardHistoryStmt.run(documentId);
  }

  /** Ends this session's undo and redo on a document (its steps there can no longer be replayed safely). */
  discardSessionHistory(documentId: string): void {
    this.discardSessionStmt.run(documentId);
  }

  /** The changes an action made when it was first done, in order. */
  entriesOf(actionId: number): ChangeEntry[] {
    return this.entriesStmt.all(actionId).map((row) => ({
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before == null ? null : JSON.parse(row.before),
      after: row.after == null ? null : JSON.parse(row.after),
    }));
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type ChangeLogReads = Pick<ChangeLogRepository, 'lastDone' | 'firstUndone' | 'entriesOf'>;
