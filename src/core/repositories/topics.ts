import type { Topic } from '@shared/topics';
import type { Db } from '../db/connection';

const COLUMNS = 'id, name, position';

export class TopicRepository {
  private readonly listStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], Topic>(`SELECT ${COLUMNS} FROM topics ORDER BY position, name`);
    this.byIdStmt = db.prepare<[string], Topic>(`SELECT ${COLUMNS} FROM topics WHERE id = ?`);
    this.byNameStmt = db.prepare<[string], Topic>(
      `SELECT ${COLUMNS} FROM topics WHERE name = ? COLLATE NOCASE`,
    );
    // A topic put back by undo keeps the position it had; a new one goes last.
    this.insertStmt = db.prepare<Topic>(
      `INSERT INTO topics (id, name, position)
       VALUES (@id, @name, coalesce(@position, (SELECT coalesce(max(position), -1) + 1 FROM topics)))`,
    );
    this.updateStmt = db.prepare<Topic>(
      'UPDATE topics SET name = @name, position = @position WHERE id = @id',
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM topics WHERE id = ?');
  }

  list(): Topic[] {
    return this.listStmt.all();
  }

  get(id: string): Topic | undefined {
    return this.byIdStmt.get(id);
  }

  byName(name: string): Topic | undefined {
    return this.byNameStmt.get(name);
  }

  /** `position` null: after the last topic. */
  insert(topic: Omit<Topic, 'position'> & { position: number | null }): void {
    this.insertStmt.run(topic as Topic);
  }

  update(topic: Topic): void {
    this.updateStmt.run(topic);
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type TopicReads = Pick<TopicRepository, 'list' | 'get' | 'byName'>;
