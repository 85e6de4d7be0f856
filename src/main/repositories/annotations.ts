import type { Annotation } from '@shared/model';
import type { Db } from '../db/connection';

interface AnnotationRow {
  id: string;
  document_id: string;
  label_id: string;
  start: number;
  end: number;
  note: string;
  annotator: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, document_id, label_id, start, "end", note, annotator, created_at, updated_at';

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    labelId: row.label_id,
    start: row.start,
    end: row.end,
    note: row.note,
    annotator: row.annotator,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class AnnotationRepository {
  private readonly getStmt;
  private readonly byDocumentStmt;
  private readonly byDocumentsStmt;
  private readonly countStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], AnnotationRow>(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`);
    this.byDocumentStmt = db.prepare<[string], AnnotationRow>(
      `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? ORDER BY start, "end", created_at, id`,
    );
    // Documents are paged by the caller, so the JSON array stays small. This is the export's order: it uses
    // only what an export carries (offsets, id), not created_at, which a re-import does not keep, so
    // export -> import -> export gives the same bytes.
    this.byDocumentsStmt = db.prepare<[string], AnnotationRow>(
      `SELECT ${COLUMNS} FROM annotations WHERE document_id IN (SELECT value FROM json_each(?))
       ORDER BY document_id, start, "end", id`,
    );
    this.countStmt = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM annotations WHERE document_id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO annotations (${COLUMNS})
       VALUES (@id, @documentId, @labelId, @start, @end, @note, @annotator, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE annotations SET label_id = @labelId, start = @start, "end" = @end, note = @note,
         annotator = @annotator, updated_at = @updatedAt WHERE id = @id`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM annotations WHERE id = ?');
  }

  get(id: string): Annotation | undefined {
    const row = this.getStmt.get(id);
    return row && toAnnotation(row);
  }

  listByDocument(documentId: string): Annotation[] {
    return this.byDocumentStmt.all(documentId).map(toAnnotation);
  }

  /** Annotations of several documents, grouped by document id. */
  listByDocuments(documentIds: string[]): Map<string, Annotation[]> {
    const grouped = new Map<string, Annotation[]>(documentIds.map((id) => [id, []]));
    for (const row of this.byDocumentsStmt.all(JSON.stringify(documentIds))) {
      grouped.get(row.document_id)!.push(toAnnotation(row));
    }
    return grouped;
  }

  countByDocument(documentId: string): number {
    return this.countStmt.get(documentId)!.n;
  }

  insert(annotation: Annotation): void {
    this.insertStmt.run(annotation);
  }

  update(annotation: Annotation): void {
    this.updateStmt.run(annotation);
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
