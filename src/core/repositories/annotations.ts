import type { Annotation, AttributeValues } from '@shared/model';
import type { Db } from '../db/connection';

/** An annotation's columns but its times, in FIELD_COLUMNS order. */
type AnnotationFields = [
  id: string,
  documentId: string,
  labelId: string,
  start: number,
  end: number,
  note: string,
  attributes: string,
  annotator: string | null,
];

/**
 * An annotation as SQLite returns it, in COLUMNS order. Read as arrays (raw statements): better-sqlite3 makes
 * an array of a row in about half the time it makes an object keyed by column.
 */
type AnnotationRow = [...AnnotationFields, createdAt: string, updatedAt: string, origin: string | null];

/**
 * What an export reads of an annotation: no Annotation is made of it (dataset.ts makes the exported span from
 * the row). The times come only when the format writes them (they are about a twentieth of the read).
 */
export type ExportedAnnotationRow = [
  ...AnnotationFields,
  origin: string | null,
  createdAt?: string,
  updatedAt?: string,
];

const FIELD_COLUMNS = 'id, document_id, label_id, start, "end", note, attributes, annotator';
const COLUMNS = `${FIELD_COLUMNS}, created_at, updated_at, origin`;

/** A statement returning annotations as {@link AnnotationRow}s. */
function selectAnnotations<Params extends unknown[]>(db: Db, sql: string) {
  return db.prepare<Params, AnnotationRow>(sql).raw();
}

const NO_ATTRIBUTES = '{}';

/** Most annotations have no attributes: their '{}' (the column's default) is not worth a JSON.parse per row. */
export function parseAttributes(json: string): AttributeValues {
  return json === NO_ATTRIBUTES ? {} : (JSON.parse(json) as AttributeValues);
}

function toAnnotation([
  id,
  documentId,
  labelId,
  start,
  end,
  note,
  attributes,
  annotator,
  createdAt,
  updatedAt,
  origin,
]: AnnotationRow): Annotation {
  return {
    ...(origin === 'suggestion' ? { origin } : {}),
    id,
    documentId,
    labelId,
    start,
    end,
    note,
    attributes: parseAttributes(attributes),
    annotator,
    createdAt,
    updatedAt,
  };
}

function toParams(annotation: Annotation) {
  // Annotations logged before attributes existed (schema 1) come back from the change log without them.
  return {
    ...annotation,
    attributes: JSON.stringify(annotation.attributes ?? {}),
    origin: annotation.origin ?? null,
  };
}

export class AnnotationRepository {
  private readonly getStmt;
  private readonly byDocumentStmt;
  private readonly exportedStmt;
  private readonly exportedWithTimesStmt;
  private readonly countStmt;
  private readonly existingIdsStmt;
  private readonly byLayerStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly withTopicStmt;
  private readonly byLabelStmt;
  private readonly attributeValuesStmt;
  private readonly annotatorsStmt;

  constructor(db: Db) {
    this.getStmt = selectAnnotations<[string]>(db, `SELECT ${COLUMNS} FROM annotations WHERE id = ?`);
    this.byDocumentStmt = selectAnnotations<[string]>(
      db,
      `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? ORDER BY start, "end", created_at, id`,
    );
    // Documents are paged by the caller, so the JSON array stays small. This is the export's order: it uses
    // only what an export carries (offsets, id), not created_at, which a re-import does not keep, so
    // export -> import -> export gives the same bytes.
    const exported = (columns: string) =>
      db
        .prepare<[string], ExportedAnnotationRow>(
          `SELECT ${columns} FROM annotations WHERE document_id IN (SELECT value FROM json_each(?))
           ORDER BY document_id, start, "end", id`,
        )
        .raw();
    this.exportedStmt = exported(`${FIELD_COLUMNS}, origin`);
    this.exportedWithTimesStmt = exported(`${FIELD_COLUMNS}, origin, created_at, updated_at`);
    this.existingIdsStmt = db
      .prepare<[string], string>('SELECT id FROM annotations WHERE id IN (SELECT value FROM json_each(?))')
      .pluck();
    this.byLayerStmt = selectAnnotations<[string, string]>(
      db,
      `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? AND annotator = ? ORDER BY start, "end", created_at, id`,
    );
    this.countStmt = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM annotations WHERE document_id = ?',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO annotations (${COLUMNS})
       VALUES (@id, @documentId, @labelId, @start, @end, @note, @attributes, @annotator, @createdAt, @updatedAt,
         @origin)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE annotations SET label_id = @labelId, start = @start, "end" = @end, note = @note,
         attributes = @attributes, annotator = @annotator, updated_at = @updatedAt, origin = @origin
       WHERE id = @id`,
    );
    this.byLabelStmt = selectAnnotations<[string]>(
      db,
      `SELECT ${COLUMNS} FROM annotations WHERE label_id = ?`,
    );
    // @path is a JSON path built from a checked attribute name, still bound rather than spliced into the SQL.
    this.attributeValuesStmt = db.prepare<[{ path: string; labelId: string }], { value: string }>(
      `SELECT json_extract(attributes, @path) AS value, count(*) AS uses FROM annotations
       WHERE label_id = @labelId AND json_type(attributes, @path) = 'text'
       GROUP BY value ORDER BY uses DESC, value LIMIT 50`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM annotations WHERE id = ?');
    // Topics are matched as the topics table names them, without regard to case (topics.ts).
    this.withTopicStmt = selectAnnotations<[{ topic: string | null }]>(
      db,
      `SELECT ${COLUMNS} FROM annotations WHERE json_type(attributes, '$.topic') = 'text'
         AND (@topic IS NULL OR json_extract(attributes, '$.topic') = @topic COLLATE NOCASE)
       ORDER BY document_id, start, "end", id`,
    );
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

  /** Which of `ids` annotations have: one query for many, where a merge needs fresh ids. */
  existingIds(ids: string[]): Set<string> {
    return ids.length === 0 ? new Set() : new Set(this.existingIdsStmt.all(JSON.stringify(ids)));
  }

  /** One annotator's annotations of a document (a layer), in text order. */
  listByLayer(documentId: string, annotator: string): Annotation[] {
    return this.byLayerStmt.all(documentId, annotator).map(toAnnotation);
  }

  listByDocument(documentId: string): Annotation[] {
    return this.byDocumentStmt.all(documentId).map(toAnnotation);
  }

  /** The annotations of several documents as an export reads them (in its order), grouped by document id. */
  exportedByDocuments(documentIds: string[], withTimes: boolean): Map<string, ExportedAnnotationRow[]> {
    const grouped = new Map<string, ExportedAnnotationRow[]>(documentIds.map((id) => [id, []]));
    const statement = withTimes ? this.exportedWithTimesStmt : this.exportedStmt;
    for (const row of statement.all(JSON.stringify(documentIds))) {
      const [, documentId] = row;
      grouped.get(documentId)!.push(row);
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

  /** The annotations whose topic is `topic`, or that have any topic when it is null. */
  withTopic(topic: string | null): Annotation[] {
    return this.withTopicStmt.all({ topic }).map(toAnnotation);
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

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type AnnotationReads = Pick<
  AnnotationRepository,
  | 'annotators'
  | 'get'
  | 'listByDocument'
  | 'exportedByDocuments'
  | 'listByLabel'
  | 'attributeValues'
  | 'countByDocument'
  | 'withTopic'
>;
