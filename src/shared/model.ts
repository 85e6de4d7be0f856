/**
 * The domain records that cross the IPC boundary. Offsets are code points (see offsets.ts).
 */

export const DOCUMENT_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface Label {
  id: string;
  name: string;
  /** CSS hex colour, `#rrggbb`. */
  color: string;
  /** A single key that applies the label, or null. */
  hotkey: string | null;
  position: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  fileName: string;
  status: DocumentStatus;
  annotationCount: number;
  /** Length of the text in code points. */
  length: number;
  importedAt: string;
}

export interface DocumentRecord extends DocumentSummary {
  text: string;
  sha256: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  labelId: string;
  /** Code point offset of the first character. */
  start: number;
  /** Code point offset after the last character (exclusive). */
  end: number;
  note: string;
  annotator: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a change did to one document's annotations, so the renderer can update without reloading all. */
export interface AnnotationDelta {
  documentId: string;
  upserted: Annotation[];
  deletedIds: string[];
  annotationCount: number;
  /** When the transaction that made the change committed (ISO 8601). */
  savedAt: string;
}

export interface HistoryStep extends AnnotationDelta {
  /** What was undone or redone, or null when there was nothing to undo or redo. */
  description: string | null;
}

export interface OpenedDocument {
  document: DocumentRecord;
  annotations: Annotation[];
}

export interface ImportedFile {
  fileName: string;
  documentId: string;
  title: string;
  spans: number;
}

export interface ImportProblem {
  fileName: string;
  reason: string;
}

export interface ImportReport {
  imported: ImportedFile[];
  skipped: ImportProblem[];
  rejected: ImportProblem[];
}

export interface ProjectInfo {
  path: string;
  name: string;
  documentCount: number;
}

export interface AppInfo {
  /** `electron` in the desktop shell, `browser` when served by the local host to a Chromium window. */
  mode: 'electron' | 'browser';
  version: string;
  defaultProjectPath: string;
  recentProjects: string[];
  project: ProjectInfo | null;
}

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSummary {
  path: string;
  documents: number;
  spans: number;
}
