import type { Relation } from '@shared/model';
import type { Db } from '../db/connection';

interface RelationRow {
  id: string;
  document_id: string;
  from_id: string;
  to_id: string;
  type: string;
  annotator: string | null;
  created_at: string;
}

const COLUMNS = 'id, document_id, from_id, to_id, type, annotator, created_at';

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    documentId: row.document_id,
    fromId: row.from_id,
    toId: row.to_id,
    type: row.type,
    annotator: row.annotator,
    createdAt: row.created_at,
  };
}

export class RelationRepository {
  private readonly getStmt;
  private readonly byDocumentStmt;
  private readonly byDocumentsStmt;
  private readonly touchingStmt;
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly existingIdsStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], RelationRow>(`SELECT ${COLUMNS} FROM relations WHERE id = ?`);
    this.byDocumentStmt = db.prepare<[string], RelationRow>(
      `SELECT ${COLUMNS} FROM relations WHERE document_id = ? ORDER BY created_at, id`,
    );
    this.byDocumentsStmt = db.prepare<[string], RelationRow>(
      `SELECT ${COLUMNS} FROM relations WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY document_id, created_at, id`,
    );
    this.touchingStmt = db.prepare<[string, string], RelationRow>(
      `SELECT ${COLUMNS} FROM relations WHERE from_id = ? OR to_id = ? ORDER BY created_at, id`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO relations (${COLUMNS}) VALUES (@id, @documentId, @fromId, @toId, @type, @annotator, @createdAt)`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM relations WHERE id = ?');
    this.existingIdsStmt = db
      .prepare<[string], string>('SELECT id FROM relations WHERE id IN (SELECT value FROM json_each(?))')
      .pluck();
  }

  get(id: string): Relation | undefined {
    const row = this.getStmt.get(id);
    return row && toRelation(row);
  }

  /** Which of `ids` links have: one query for many, where a merge needs fresh ids. */
  existingIds(ids: string[]): Set<string> {
    return ids.length === 0 ? new Set() : new Set(this.existingIdsStmt.all(JSON.stringify(ids)));
  }

  listByDocument(documentId: string): Relation[] {
    return this.byDocumentStmt.all(documentId).map(toRelation);
  }

  listByDocuments(documentIds: string[]): Map<string, Relation[]> {
    const grouped = new Map<string, Relation[]>(documentIds.map((id) => [id, []]));
    for (const row of this.byDocumentsStmt.all(JSON.stringify(documentIds)))
      grouped.get(row.document_id)!.push(toRelation(row));
    return grouped;
  }

  /** Links from or to an annotation: what deleting it also deletes. */
  touching(annotationId: string): Relation[] {
    return this.touchingStmt.all(annotationId, annotationId).map(toRelation);
  }

  insert(relation: Relation): void {
    this.insertStmt.run(relation);
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type RelationReads = Pick<
  RelationRepository,
  'get' | 'listByDocument' | 'listByDocuments' | 'touching'
>;
