/**
 * Several annotators in one project, seen from both sides of the IPC boundary: which layer the user works in,
 * everyone's status of each document, and what a merge of other annotators' work did.
 */
import type { DocumentStatus } from './model';

/** The layer the user works in: their own (the project's annotator), or a curated layer they settle into. */
export interface LayerMode {
  own: string | null;
  /** null: not curating. */
  curating: string | null;
}

/**
 * One annotator's own status of one document: what they marked (document_layers), else, for a layer with
 * spans that came without a status (a JSONL export carries none per annotator), in progress, as a first
 * annotation makes a document.
 */
export interface LayerStatus {
  documentId: string;
  annotator: string;
  status: DocumentStatus;
  /** Their spans in the document. */
  spans: number;
}

/** What File → Merge annotations… did, as `spanlight merge` reports it (src/core/project/mergeService.ts). */
export interface MergeReport {
  /** Per (document, annotator) layer that changed. `document` names it as the source does. */
  merged: Array<{ document: string; annotator: string; added: number; changed: number; removed: number }>;
  /** Layers that already equalled the source. */
  unchanged: number;
  /** Layers edited here since their last merge: left as they are (unless forced). */
  conflicts: Array<{ document: string; annotator: string }>;
  /** Source documents this project lacks (not added). */
  missingDocuments: string[];
  addedDocuments: string[];
  /** Spans of the source that name no annotator: they belong to no layer, so they are not merged. */
  unattributed: number;
}

/** Where a merge reads from. */
export const MERGE_SOURCE_KINDS = ['project', 'jsonl'] as const;
export type MergeSourceKind = (typeof MERGE_SOURCE_KINDS)[number];

/** A merge source is told apart by its name: a canonical JSONL export, else a Spanlight project. */
export function mergeSourceKind(path: string): MergeSourceKind {
  return /\.(jsonl|ndjson)$/i.test(path) ? 'jsonl' : 'project';
}

/** The layer a curator settles into when they give no other name. */
export const DEFAULT_CURATED_LAYER = 'curated';
