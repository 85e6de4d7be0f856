/**
 * Rejected spans of a curated layer: a curator who settles a disagreement without taking any span rejects
 * its spans (label and extent), per document and curated layer. They live in project_meta, one key per
 * (curated layer, document), written through the change log as entity `rejection` (so undo takes a rejection
 * back), which needs no new table and so no migration.
 */
import type { MetaReads } from '../repositories/meta';

/** The project_meta key, and the change log's entity id, of one curated layer's rejections in a document. */
export function rejectionKey(into: string, documentId: string): string {
  return JSON.stringify(['adjudication.rejected', into, documentId]);
}

/** The rejected spans, as extent keys (agreement/comparison.ts), sorted. */
export function readRejections(meta: MetaReads, key: string): string[] {
  const stored = meta.get(key);
  if (stored === undefined) return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
}
