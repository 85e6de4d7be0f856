import type { Db } from '../db/connection';

/** Small key/value settings stored inside the project (annotator name, creation time). */
export class MetaRepository {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM project_meta WHERE key = ?');
    this.setStmt = db.prepare<[string, string]>(
      'INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }
}

/** What code outside the services may call: the reads. Writes go through a service, which logs each one. */
export type MetaReads = Pick<MetaRepository, 'get'>;
