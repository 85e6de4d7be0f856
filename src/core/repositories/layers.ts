/**
 * Each annotator's layer of a document: their own status of it, and what it held when last merged in.
 */
import type { DocumentStatus } from '@shared/model';
import type { Db } from '../db/connection';

export interface LayerStatus {
  documentId: string;
  annotator: string;
  status: DocumentStatus;
}

export interface LayerMerge {
  layerHash: string;
  source: string;
  mergedAt: string;
}

export class LayerRepository {
  private readonly setStatusStmt;
  private readonly statusStmt;
  private readonly allStatusesStmt;
  private readonly doneStmt;
  private readonly mergeStmt;
  private readonly setMergeStmt;
  private readonly spansStmt;
  private readonly layerSizesStmt;
  private readonly statusesOfStmt;

  constructor(db: Db) {
    // Read as arrays (raw): the agreement over 600,000 spans reads nothing else. In the table's order: sorting
    // by document walked the document index and looked every row up in the table, about twice the time.
    this.spansStmt = db
      .prepare<[], [string, string, number, number, string]>(
        `SELECT document_id, label_id, start, "end", annotator FROM annotations WHERE annotator IS NOT NULL`,
      )
      .raw();
    // Raw rows: the document list reads one annotator's statuses of every document each time it loads.
    this.statusesOfStmt = db
      .prepare<[string], [string, DocumentStatus]>(
        'SELECT document_id, status FROM document_layers WHERE annotator = ?',
      )
      .raw();
    this.layerSizesStmt = db.prepare<[], { documentId: string; annotator: string; spans: number }>(
      `SELECT document_id AS documentId, annotator, count(*) AS spans FROM annotations
       WHERE annotator IS NOT NULL GROUP BY document_id, annotator`,
    );
    this.setStatusStmt = db.prepare<[string, string, DocumentStatus, string]>(
      `INSERT INTO document_layers (document_id, annotator, status, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
    );
    this.statusStmt = db.prepare<[string, string], { status: DocumentStatus }>(
      'SELECT status FROM document_layers WHERE document_id = ? AND annotator = ?',
    );
    this.allStatusesStmt = db.prepare<[], { documentId: string; annotator: string; status: DocumentStatus }>(
      'SELECT document_id AS documentId, annotator, status FROM document_layers ORDER BY document_id, annotator',
    );
    this.doneStmt = db.prepare<[], { documentId: string; annotator: string }>(
      `SELECT document_id AS documentId, annotator FROM document_layers WHERE status = 'done'`,
    );
    this.mergeStmt = db.prepare<[string, string], LayerMerge>(
      `SELECT layer_hash AS layerHash, source, merged_at AS mergedAt FROM layer_merges
       WHERE document_id = ? AND annotator = ?`,
    );
    this.setMergeStmt = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO layer_merges (document_id, annotator, layer_hash, source, merged_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, annotator) DO UPDATE SET layer_hash = excluded.layer_hash,
         source = excluded.source, merged_at = excluded.merged_at`,
    );
  }

  /** Every attributed span, as [documentId, labelId, start, end, annotator], grouped by document. */
  spans(): IterableIterator<[string, string, number, number, string]> {
    return this.spansStmt.iterate();
  }

  setStatus(documentId: string, annotator: string, status: DocumentStatus, at: string): void {
    this.setStatusStmt.run(documentId, annotator, status, at);
  }

  status(documentId: string, annotator: string): DocumentStatus | undefined {
    return this.statusStmt.get(documentId, annotator)?.status;
  }

  statuses(): LayerStatus[] {
    return this.allStatusesStmt.all();
  }

  /** One annotator's status of each document they marked: document id -> status. */
  statusesOf(annotator: string): Map<string, DocumentStatus> {
    return new Map(this.statusesOfStmt.all(annotator));
  }

  /** How many spans each (document, annotator) layer holds; layers with none are absent. */
  layerSizes(): Array<{ documentId: string; annotator: string; spans: number }> {
    return this.layerSizesStmt.all();
  }

  /** document id -> the annotators who marked it done. */
  doneBy(): Map<string, Set<string>> {
    const map = new Map<string, Set<string>>();
    for (const { documentId, annotator } of this.doneStmt.all()) {
      const set = map.get(documentId) ?? new Set<string>();
      set.add(annotator);
      map.set(documentId, set);
    }
    return map;
  }

  lastMerge(documentId: string, annotator: string): LayerMerge | undefined {
    return this.mergeStmt.get(documentId, annotator);
  }

  recordMerge(documentId: string, annotator: string, merge: LayerMerge): void {
    this.setMergeStmt.run(documentId, annotator, merge.layerHash, merge.source, merge.mergedAt);
  }
}

/** What everyone may read of the layers; writes go through the services. */
export type LayerReads = Pick<
  LayerRepository,
  'status' | 'statuses' | 'statusesOf' | 'doneBy' | 'lastMerge' | 'spans' | 'layerSizes'
>;
