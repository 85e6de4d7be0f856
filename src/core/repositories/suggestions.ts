/** What the project remembers about suggestions: texts rejected per label, and the tagged texts they learn from. */
import type { Db } from '../db/connection';

export class SuggestionRepository {
  private readonly rejectStmt;
  private readonly rejectedStmt;
  private readonly taggedStmt;
  private readonly versionStmt;

  constructor(db: Db) {
    this.rejectStmt = db.prepare<[string, string, string | null, string]>(
      `INSERT INTO suggestion_rejections (label_id, text_key, annotator, rejected_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (label_id, text_key) DO NOTHING`,
    );
    this.rejectedStmt = db.prepare<[], { labelId: string; key: string }>(
      'SELECT label_id AS labelId, text_key AS key FROM suggestion_rejections',
    );
    // substr() counts characters, as the offsets do (code points).
    this.taggedStmt = db.prepare<[], { labelId: string; text: string }>(
      `SELECT DISTINCT a.label_id AS labelId, substr(d.text, a.start + 1, a."end" - a.start) AS text
       FROM annotations a JOIN documents d ON d.id = a.document_id`,
    );
    this.versionStmt = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM change_log');
  }

  reject(labelId: string, key: string, annotator: string | null, at: string): boolean {
    return this.rejectStmt.run(labelId, key, annotator, at).changes > 0;
  }

  rejected(): Array<{ labelId: string; key: string }> {
    return this.rejectedStmt.all();
  }

  /** Every distinct (label, text) tagged in the project. */
  tagged(): Array<{ labelId: string; text: string }> {
    return this.taggedStmt.all();
  }

  /** Changes whenever anything is logged: a cache of the above is stale when this moves. */
  version(): number {
    return this.versionStmt.get()?.seq ?? 0;
  }
}

/** What everyone may read of the suggestions' memory; rejecting goes through the suggestion service. */
export type SuggestionReads = Pick<SuggestionRepository, 'rejected' | 'tagged' | 'version'>;
