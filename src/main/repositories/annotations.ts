import type { Annotation, AttributeValues } from '@shared/model';
import type { Db } from '../db/connection';

interface AnnotationRow {
  id: string;
  document_id: string;
  label_id: string;
  start: number;
  end: number;
  note: string;
  attributes: string;
  annotator: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, document_id, label_id, start, "end", note, attributes, annotator, created_at, updated_at';

function toAnnotation(row: AnnotationRow): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    labelId: row.label_id,
    start: row.start,
    end: row.end,
    note: row.note,
    attributes: JSON.parse(row.attributes) as AttributeValues,
    annotator: row.annotator,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(annotation: Annotation) {
  // Annotations logged before attributes existed (schema 1) come back from the change log without them.
  return { ...annotation, attributes: JSON.stringify(annotation.attributes ?? {}) };
}

export class AnnotationRepository {
  private readonly getStmt;
  private readonly byDocumentStmt;
  private readonly byDocumentsStmt;
  private readonly countStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly byLabelStmt;
  private readonly attributeValuesStmt;
  private readonly annotatorsStmt;

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
       VALUES (@id, @documentId, @labelId, @start, @end, @note, @attributes, @annotator, @createdAt, @updatedAt)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE annotations SET label_id = @labelId, start = @start, "end" = @end, note = @note,
         attributes = @attributes, annotator = @annotator, updated_at = @updatedAt WHERE id = @id`,
    );
    this.byLabelStmt = db.prepare<[string], AnnotationRow>(`SELECT ${COLUMNS} FROM annotations WHERE label_id = ?`);
    // @path is a JSON path built from a checked attribute name, still bound rather than spliced into the SQL.
    this.attributeValuesStmt = db.prepare<[{ path: string; labelId: string }], { value: string }>(
      `SELECT json_extract(attributes, @path) AS value, count(*) AS uses FROM annotations
       WHERE label_id = @labelId AND json_type(attributes, @path) = 'text'
       GROUP BY value ORDER BY uses DESC, value LIMIT 50`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM annotations WHERE id = ?');
    this.annotatorsStmt = db.prepare<[], { annotator: string }>(
      'SELECT DISTINCT annotator FROM annotations WHERE annotator IS NOT NULL ORDER BY annotator',
    );
  }

  /** Everyone who annotated something in the project (an export's annotator filter). */
  annotators(): string[] {
    return this.annotatorsStmt.all().map((row) => row.annotator);
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

  listByLabel(labelId: string): Annotation[] {
    return this.byLabelStmt.all(labelId).map(toAnnotation);
  }

  /** The text values an attribute of a label has taken, most used first: suggestions while typing. */
  attributeValues(labelId: string, name: string): string[] {
    return this.attributeValuesStmt.all({ path: `$.${name}`, labelId }).map((row) => row.value);
  }

  countByDocument(documentId: string): number {
    return this.countStmt.get(documentId)!.n;
  }

  insert(annotation: Annotation): void {
    this.insertStmt.run(toParams(annotation));
  }

  update(annotation: Annotation): void {
    this.updateStmt.run(toParams(annotation));
  }

  delete(id: string): void {
    this.deleteStmt.run(id);
  }
}
