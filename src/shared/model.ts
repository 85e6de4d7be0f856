/**
 * The domain records that cross the IPC boundary. Offsets are code points (see offsets.ts).
 */
import type { Message } from './messages/message';

export const DOCUMENT_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const ATTRIBUTE_TYPES = ['text', 'number', 'boolean', 'choice'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** An attribute a label's annotations may carry (e.g. number -> value, unit, approximate). */
export interface AttributeDefinition {
  /** Lowercase identifier: letters, digits, underscore. */
  name: string;
  type: AttributeType;
  /** The allowed values of a `choice` attribute. */
  choices?: string[];
  /** Offer the values used before in this project while typing. */
  suggest?: boolean;
}

export type AttributeValue = string | number | boolean;
export type AttributeValues = Record<string, AttributeValue>;

export interface Label {
  id: string;
  name: string;
  /** CSS hex colour, `#rrggbb`. */
  color: string;
  /** A single key that applies the label, or null. */
  hotkey: string | null;
  position: number;
  attributes: AttributeDefinition[];
}

/** A typed link from one annotation to another in the same document (e.g. a denial `denies` a claim). */
export interface Relation {
  id: string;
  documentId: string;
  fromId: string;
  toId: string;
  type: string;
  annotator: string | null;
  createdAt: string;
}

export const DEFAULT_RELATION_TYPES = ['denies', 'supports', 'same-as'] as const;

export interface DocumentSummary {
  id: string;
  title: string;
  /** The file the document was imported from (for a file of many documents, that file). */
  fileName: string;
  /** Who published it (DocumentMeta.outlet), or null. */
  outlet: string | null;
  /** When (DocumentMeta.published), or null. */
  published: string | null;
  status: DocumentStatus;
  annotationCount: number;
  /** Length of the text in code points. */
  length: number;
  importedAt: string;
}

/** A JSON value, as an import brings it in an extra metadata key. */
export type MetaValue = string | number | boolean | null | MetaValue[] | { [key: string]: MetaValue };

/** What the user can edit of a document's provenance (documents:set-meta); rules in documentMeta.ts. */
export interface DocumentMetaFields {
  /** The publisher (a newspaper, an agency, a ministry). */
  outlet: string | null;
  /** ISO 8601 date, optionally with a time: 2024-03-07 or 2024-03-07T10:15:00+03:00. */
  published: string | null;
  url: string | null;
  /** BCP 47 tag (ar, en); found from the text's scripts on import when the data does not say. */
  language: string | null;
  /** The document's id in the collection it came from. */
  externalId: string | null;
  /** Every other key an import brought, kept as it came. */
  extra: Record<string, MetaValue>;
}

/** Where a document came from. */
export interface DocumentMeta extends DocumentMetaFields {
  /** Kept from the import, not edited. */
  fileName: string;
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
  attributes: AttributeValues;
  annotator: string | null;
  createdAt: string;
  updatedAt: string;
  /** 'suggestion' when it was accepted from a suggestion; absent when typed in. */
  origin?: 'suggestion';
}

/** What a change did to one document's annotations and links, so the renderer updates without reloading. */
export interface AnnotationDelta {
  documentId: string;
  upserted: Annotation[];
  deletedIds: string[];
  upsertedRelations: Relation[];
  deletedRelationIds: string[];
  annotationCount: number;
  /**
   * The document's status after the change (the first annotation, undo and redo can change it); null only
   * when there is no such document (an undo asked for a document deleted meanwhile).
   */
  status: DocumentStatus | null;
  /** When the transaction that made the change committed (ISO 8601). */
  savedAt: string;
  /** The document's provenance after the change, when the change (or its undo) edited it. */
  meta?: DocumentMeta;
}

export interface HistoryStep extends AnnotationDelta {
  /** What was undone or redone in English, or null when there was nothing to undo or redo. */
  description: string | null;
  /**
   * What was undone or redone as a message (src/shared/messages/message.ts) for the interface to word in its
   * language; absent when nothing was, or when the action was recorded before schema 9 (only English then).
   */
  message?: Message;
}

/** Where the user was in a project: the document open and the first character in view (a code point). */
export interface Place {
  documentId: string;
  offset: number;
}

export interface OpenedDocument {
  document: DocumentRecord;
  meta: DocumentMeta;
  annotations: Annotation[];
  relations: Relation[];
  /** Annotations left out because their offsets lie outside the text (the file was changed by another program). */
  skippedAnnotations?: number;
}

export interface ImportedFile {
  fileName: string;
  documentId: string;
  title: string;
  spans: number;
}

export interface ImportProblem {
  fileName: string;
  /** Why, in English (what the CLI and reports show): the problems one a line. */
  reason: string;
  /** The same problems as messages of the imports catalogue, one a line of `reason`, for the interface to word. */
  i18n?: Message[];
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
  /** Who annotates in this project (asked once), recorded on every annotation. */
  annotator: string | null;
  /** The file cannot be written: the project opens for reading and every change is refused with a message. */
  readOnly: boolean;
}

/** Where File → Save a copy… wrote the project. */
export interface SavedCopy {
  path: string;
}

export interface DocumentSearchHit {
  documentId: string;
  title: string;
  /** Code point range of the first hit. */
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

export interface AnnotationSearchHit {
  annotation: Annotation;
  documentTitle: string;
  text: string;
}

export interface AppInfo {
  /** `electron` in the desktop shell, `browser` when served by the local host to a Chromium window. */
  mode: 'electron' | 'browser';
  version: string;
  defaultProjectPath: string;
  recentProjects: string[];
  project: ProjectInfo | null;
  /** The user's choice of theme; `system` follows the system's light or dark setting. */
  theme: ThemeChoice;
  /** The user's choice of interface language; `system` follows the system's preferred languages. */
  language: LanguageChoice;
}

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const LANGUAGE_CHOICES = ['system', 'en', 'ar'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export const EXPORT_FORMATS = [
  'jsonl',
  'csv',
  'conll',
  'brat',
  'label-studio',
  'doccano',
  'spacy',
  'webanno',
  'qdpx',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSummary {
  path: string;
  documents: number;
  spans: number;
  /** What the format could not hold, said once each (e.g. overlapping spans of one label in CoNLL). */
  warnings?: string[];
  /** The same warnings as messages, one a warning, for the interface to word. */
  warningsI18n?: Message[];
  /** How many warnings there are: 0 when the format held everything that was exported. */
  warningCount: number;
}

// --- Backups (src/core/backup) -------------------------------------------------------------------------------

/** Why a backup was taken: when a project is opened, every 15 minutes of work, by hand, before a migration, before a restore. */
export const BACKUP_REASONS = ['open', 'scheduled', 'manual', 'before-migration', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One backup of the open project, as the Backups panel lists it. */
export interface BackupInfo {
  /** The backup's file name; the only handle the renderer gets. */
  id: string;
  /** When it was taken (ISO 8601). */
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
  documents: number;
  annotations: number;
}
