import type {
  DocumentMeta,
  DocumentMetaFields,
  DocumentRecord,
  DocumentStatus,
  DocumentSummary,
} from '@shared/model';
import { foldForSearch } from '@shared/searchFold';
import type { Db } from '../db/connection';
import { META_COLUMNS, META_JOIN, metaParams, toMeta, type MetaRow } from './documentMetaRows';

interface DocumentRow {
  id: string;
  title: string;
  file_name: string;
  outlet: string | null;
  published: string | null;
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
export type ExportableDocument = Pick<DocumentRecord, 'id' | 'title' | 'status' | 'text'> & {
  meta: DocumentMeta;
};

export interface NewDocument {
  id: string;
  title: string;
  fileName: string;
  text: string;
  sha256: string;
  length: number;
  importedAt: string;
  meta: DocumentMetaFields;
}

const SUMMARY_COLUMNS = `d.id, d.title, d.file_name, m.outlet, m.published, d.status, d.length, d.imported_at,
  (SELECT count(*) FROM annotations a WHERE a.document_id = d.id) AS annotation_count`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    outlet: row.outlet,
    published: row.published,
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
  private readonly metaStmt;
  private readonly allMetaStmt;
  private readonly insertMetaStmt;
  private readonly setMetaStmt;

  constructor(db: Db) {
    // Read from the index of the list's columns (migration 0004), never from the rows, which hold the texts.
    this.listStmt = db.prepare<[], DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d INDEXED BY documents_listed ${META_JOIN} ORDER BY d.rowid`,
    );
    this.summaryStmt = db.prepare<[string], DocumentRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM documents d ${META_JOIN} WHERE d.id = ?`,
    );
    this.getStmt = db.prepare<[string], DocumentRowWithText>(
      `SELECT ${SUMMARY_COLUMNS}, d.text, d.sha256 FROM documents d ${META_JOIN} WHERE d.id = ?`,
    );
    this.metaStmt = db.prepare<[string], MetaRow>(
      `SELECT ${META_COLUMNS} FROM documents d ${META_JOIN} WHERE d.id = ?`,
    );
    // From the list's index too: file_name is in it, and the texts stay unread.
    this.allMetaStmt = db.prepare<[], MetaRow & { id: string }>(
      `SELECT d.id, ${META_COLUMNS} FROM documents d INDEXED BY documents_listed ${META_JOIN} ORDER BY d.rowid`,
    );
    this.insertMetaStmt = db.prepare(
      `INSERT INTO document_meta (document_id, outlet, published, url, language, external_id, extra)
       VALUES (@documentId, @outlet, @published, @url, @language, @externalId, @extra)`,
    );
    this.setMetaStmt = db.prepare(
      `INSERT INTO document_meta (document_id, outlet, published, url, language, external_id, extra)
       VALUES (@documentId, @outlet, @published, @url, @language, @externalId, @extra)
       ON CONFLICT (document_id) DO UPDATE SET outlet = excluded.outlet, published = excluded.published,
         url = excluded.url, language = excluded.language, external_id = excluded.external_id, extra = excluded.extra`,
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
      Omit<ExportableDocument, 'meta'> & MetaRow & { rowid: number }
    >(
      `SELECT d.rowid, d.id, d.title, d.status, d.text, ${META_COLUMNS} FROM documents d ${META_JOIN}
       WHERE d.rowid > @after AND (@statuses IS NULL OR d.status IN (SELECT value FROM json_each(@statuses)))
       ORDER BY d.rowid LIMIT @limit`,
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

  /** With its entry in the search index (migration 0005) and its provenance (0007); the caller's transaction holds them. */
  insert(document: NewDocument): void {
    const { meta, ...row } = document;
    const { lastInsertRowid } = this.insertStmt.run(row);
    this.insertSearchStmt.run(lastInsertRowid, foldForSearch(document.title), foldForSearch(document.text));
    this.insertMetaStmt.run(metaParams(document.id, meta));
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
    return this.pageStmt
      .all({ after: afterRowid, limit, statuses: statuses ? JSON.stringify(statuses) : null })
      .map(({ rowid, id, title, status, text, ...meta }) => ({
        rowid,
        id,
        title,
        status,
        text,
        meta: toMeta(meta),
      }));
  }

  /** A document's provenance, or undefined when there is no such document. */
  meta(id: string): DocumentMeta | undefined {
    const row = this.metaStmt.get(id);
    return row && toMeta(row);
  }

  /** Every document's provenance by document id, in import order, without reading a text. */
  metaById(): Map<string, DocumentMeta> {
    return new Map(this.allMetaStmt.all().map(({ id, ...row }) => [id, toMeta(row)]));
  }

  /** Replaces a document's provenance (the file name is not part of it); the caller logs it. */
  setMeta(documentId: string, fields: DocumentMetaFields): void {
    this.setMetaStmt.run(metaParams(documentId, fields));
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
  | 'meta'
  | 'metaById'
>;
