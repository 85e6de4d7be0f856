import type { Label } from '@shared/model';
import type { Db } from '../db/connection';

export class LabelRepository {
  private readonly listStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly insertStmt;
  private readonly usageStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], Label>('SELECT id, name, color, hotkey, position FROM labels ORDER BY position, name');
    this.byIdStmt = db.prepare<[string], Label>('SELECT id, name, color, hotkey, position FROM labels WHERE id = ?');
    this.byNameStmt = db.prepare<[string], Label>(
      'SELECT id, name, color, hotkey, position FROM labels WHERE name = ? COLLATE NOCASE',
    );
    this.usageStmt = db.prepare<[], { name: string; n: number }>(
      `SELECT l.name, count(a.id) AS n FROM labels l LEFT JOIN annotations a ON a.label_id = l.id
       GROUP BY l.id ORDER BY l.position, l.name`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO labels (id, name, color, hotkey, position)
       VALUES (@id, @name, @color, @hotkey, (SELECT coalesce(max(position), -1) + 1 FROM labels))`,
    );
  }

  list(): Label[] {
    return this.listStmt.all();
  }

  get(id: string): Label | undefined {
    return this.byIdStmt.get(id);
  }

  byName(name: string): Label | undefined {
    return this.byNameStmt.get(name);
  }

  /** How many annotations each label has, in label order. */
  usage(): Array<{ name: string; n: number }> {
    return this.usageStmt.all();
  }

  insert(label: Omit<Label, 'position'>): void {
    this.insertStmt.run(label);
  }
}
