import type { AttributeDefinition, Label } from '@shared/model';
import type { Db } from '../db/connection';

interface LabelRow extends Omit<Label, 'attributes'> {
  attributes: string;
}

const COLUMNS = 'id, name, color, hotkey, position, attributes';

function toLabel(row: LabelRow): Label {
  return { ...row, attributes: JSON.parse(row.attributes) as AttributeDefinition[] };
}

export class LabelRepository {
  private readonly listStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly insertStmt;
  private readonly usageStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly countStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], LabelRow>(`SELECT ${COLUMNS} FROM labels ORDER BY position, name`);
    this.byIdStmt = db.prepare<[string], LabelRow>(`SELECT ${COLUMNS} FROM labels WHERE id = ?`);
    this.byNameStmt = db.prepare<[string], LabelRow>(
      `SELECT ${COLUMNS} FROM labels WHERE name = ? COLLATE NOCASE`,
    );
    this.usageStmt = db.prepare<[], { id: string; name: string; n: number }>(
      `SELECT l.id, l.name, count(a.id) AS n FROM labels l LEFT JOIN annotations a ON a.label_id = l.id
       GROUP BY l.id ORDER BY l.position, l.name`,
    );
    this.updateStmt = db.prepare(
      `UPDATE labels SET name = @name, color = @color, hotkey = @hotkey, position = @position, attributes = @attributes
       WHERE id = @id`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM labels WHERE id = ?');
    this.countStmt = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM annotations WHERE label_id = ?',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO labels (id, name, color, hotkey, position, attributes)
       VALUES (@id, @name, @color, @hotkey, (SELECT coalesce(max(position), -1) + 1 FROM labels), @attributes)`,
    );
  }

  list(): Label[] {
    return this.listStmt.all().map(toLabel);
  }

  get(id: string): Label | undefined {
    const row = this.byIdStmt.get(id);
    return row && toLabel(row);
  }

  byName(name: string): Label | undefined {
    const row = this.byNameStmt.get(name);
    return row && toLabel(row);
  }

  /** How many annotations each label has, in label order. */
  usage(): Array<{ id: string; name: string; n: number }> {
    return this.usageStmt.all();
  }

  update(label: Label): void {
    this.updateStmt.run({ ...label, attributes: JSON.stringify(label.attributes) });
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }

  annotationCount(id: string): number {
    return this.countStmt.get(id)!.n;
  }

  insert(label: Omit<Label, 'position' | 'attributes'> & { attributes?: AttributeDefinition[] }): void {
    this.insertStmt.run({ ...label, attributes: JSON.stringify(label.attributes ?? []) });
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type LabelReads = Pick<LabelRepository, 'list' | 'get' | 'byName' | 'usage' | 'annotationCount'>;
