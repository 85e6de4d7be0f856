import type { DocumentRecord, DocumentStatus, DocumentSummary } from '@shared/model';
import { foldForSearch } from '@shared/searchFold';
import type { Db } from '../db/connection';

interface DocumentRow {
  id: string;
  title: string;
  file_name: string;
  status: DocumentStatus;
  length: number;
  imported_at: string;
  annotation_count: number;
}

interface DocumentRowWithText extends DocumentRow {
  text: string;
  sha256: string;
}

/** A document as an export reads it: what the formats write, without the counts the document list shows. */
export type ExportableDocument = Pick<DocumentRecord, 'id' | 'title' | 'status' | 'text'>;

export interface NewDocument {
  id: string;
  title: string;
  fileName: string;
  text: string;
  sha256: string;
  length: number;
  importedAt: string;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.file_name, d.status, d.length, d.imported_at,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    status: row.status,
    length: row.length,
    importedAt: row.imported_at,
    annotationCount: row.annotation_count,
  };
}

export class DocumentRepository {
  private readonly listStmt;
  private readonly summaryStmt;
  private readonly getStmt;
  private readonly bySha;
  private readonly insertStmt;
  private readonly insertSearchStmt;
  private readonly setStatusStmt;
  private readonly countStmt;
  private readonly pageStmt;
  private readonly countWithStatusStmt;
  private readonly byStatusStmt;
  private readonly withLabelStmt;

  constructor(db: Db) {
    // Read from the index of the list's columns (migration 0004), never from the rows, which hold the texts.
    this.listStmt = db.prepare<[], DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d INDEXED BY documents_listed ORDER BY d.rowid`,
    );
    this.summaryStmt = db.prepare<[string], DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d WHERE d.id = ?`,
    );
    this.getStmt = db.prepare<[string], DocumentRowWithText>(
      `SELECT ${SUMMARY_COLUMNS}, d.text, d.sha256 FROM documents d WHERE d.id = ?`,
    );
    this.bySha = db.prepare<[string], { id: string }>('SELECT id FROM documents WHERE sha256 = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO documents (id, title, file_name, text, sha256, length, imported_at)
       VALUES (@id, @title, @fileName, @text, @sha256, @length, @importedAt)`,
    );
    this.insertSearchStmt = db.prepare<[number | bigint, string, string]>(
      'INSERT INTO documents_search (rowid, title, body) VALUES (?, ?, ?)',
    );
    this.setStatusStmt = db.prepare<[DocumentStatus, string]>('UPDATE documents SET status = ? WHERE id = ?');
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents');
    this.byStatusStmt = db.prepare<[], { status: DocumentStatus; n: number }>(
      'SELECT status, count(*) AS n FROM documents GROUP BY status ORDER BY status',
    );
    this.withLabelStmt = db.prepare<[string], { id: string }>(
      'SELECT DISTINCT document_id AS id FROM annotations WHERE label_id = ?',
    );
    // @statuses is a JSON array of statuses, or null for every document. Only the columns an export writes:
    // the annotation count of SUMMARY_COLUMNS is a subquery per document, and a page's annotations are read anyway.
    this.pageStmt = db.prepare<
      [{ after: number; limit: number; statuses: string | null }],
      ExportableDocument & { rowid: number }
    >(
      `SELECT rowid, id, title, status, text FROM documents
       WHERE rowid > @after AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))
       ORDER BY rowid LIMIT @limit`,
    );
    this.countWithStatusStmt = db.prepare<[{ statuses: string | null }], { n: number }>(
      `SELECT count(*) AS n FROM documents WHERE @statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses))`,
    );
  }

  list(): DocumentSummary[] {
    return this.listStmt.all().map(toSummary);
  }

  summary(id: string): DocumentSummary | undefined {
    const row = this.summaryStmt.get(id);
    return row && toSummary(row);
  }

  get(id: string): DocumentRecord | undefined {
    const row = this.getStmt.get(id);
    return row && { ...toSummary(row), text: row.text, sha256: row.sha256 };
  }

  idBySha256(sha256: string): string | undefined {
    return this.bySha.get(sha256)?.id;
  }

  /** With its entry in the search index (migration 0005); the caller's transaction holds both. */
  insert(document: NewDocument): void {
    const { lastInsertRowid } = this.insertStmt.run(document);
    this.insertSearchStmt.run(lastInsertRowid, foldForSearch(document.title), foldForSearch(document.text));
  }

  setStatus(id: string, status: DocumentStatus): void {
    this.setStatusStmt.run(status, id);
  }

  /** Documents with at least one annotation of a label (for the document list filter). */
  idsWithLabel(labelId: string): string[] {
    return this.withLabelStmt.all(labelId).map((row) => row.id);
  }

  countByStatus(): Array<{ status: DocumentStatus; n: number }> {
    return this.byStatusStmt.all();
  }

  count(): number {
    return this.countStmt.get()!.n;
  }

  /** Documents with one of `statuses`, or all documents when null. */
  countWithStatus(statuses: readonly DocumentStatus[] | null): number {
    // Without statuses, a count of a small index: the filtered count scans the table, whose rows hold the texts.
    if (!statuses) return this.count();
    return this.countWithStatusStmt.get({ statuses: JSON.stringify(statuses) })!.n;
  }

  /**
   * Documents in import order after `afterRowid`, `limit` at a time: a cursor that holds no statement open
   * between pages, so an export can await a slow writer without keeping the connection busy.
   */
  page(
    afterRowid: number,
    limit: number,
    statuses: readonly DocumentStatus[] | null = null,
  ): Array<ExportableDocument & { rowid: number }> {
    return this.pageStmt.all({
      after: afterRowid,
      limit,
      statuses: statuses ? JSON.stringify(statuses) : null,
    });
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type DocumentReads = Pick<
  DocumentRepository,
  | 'list'
  | 'summary'
  | 'get'
  | 'idBySha256'
  | 'idsWithLabel'
  | 'countByStatus'
  | 'count'
  | 'countWithStatus'
  | 'page'
>;
