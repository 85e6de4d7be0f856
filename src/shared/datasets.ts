/**
 * Datasets in and out, seen from both sides of the IPC boundary: the export and import formats, the filters
 * an export takes, and the long-running jobs (import or export) the renderer follows and can cancel.
 */
import type { DocumentStatus, ExportFormat, ExportSummary, ImportReport } from './model';
import type { Message } from './messages/message';

/** How an export's output is laid out on disk. */
export type ExportLayout =
  /** One file, streamed. */
  | 'file'
  /** A folder of files (brat); streamed to a browser download as a .zip of that folder. */
  | 'folder'
  /** Always one .zip file (qdpx). */
  | 'zip';

export interface ExportFormatInfo {
  format: ExportFormat;
  title: string;
  layout: ExportLayout;
  /** The file name extension of the single file (or of the zip a folder is streamed as), with its dot. */
  extension: string;
  /** One line for a menu or a dialog. */
  description: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  jsonl: {
    format: 'jsonl',
    title: 'Spanlight JSONL',
    layout: 'file',
    extension: '.jsonl',
    description: 'Everything: documents, spans, attributes, notes, links, status (re-imports losslessly)',
  },
  csv: {
    format: 'csv',
    title: 'CSV of spans',
    layout: 'file',
    extension: '.csv',
    description: 'One span a row, for spreadsheets and pandas',
  },
  conll: {
    format: 'conll',
    title: 'CoNLL (BIO)',
    layout: 'file',
    extension: '.conll',
    description: 'One token a line, one BIO column per label',
  },
  brat: {
    format: 'brat',
    title: 'brat standoff',
    layout: 'folder',
    extension: '.zip',
    description: 'A folder of <doc>.txt and <doc>.ann files',
  },
  'label-studio': {
    format: 'label-studio',
    title: 'Label Studio',
    layout: 'file',
    extension: '.json',
    description: 'Label Studio JSON tasks with annotations',
  },
  doccano: {
    format: 'doccano',
    title: 'doccano',
    layout: 'file',
    extension: '.jsonl',
    description: 'doccano JSONL: text and [start, end, label]',
  },
  spacy: {
    format: 'spacy',
    title: 'spaCy spans',
    layout: 'file',
    extension: '.jsonl',
    description: 'JSONL for Doc.spans, with tokens and token indices',
  },
  webanno: {
    format: 'webanno',
    title: 'W3C Web Annotation',
    layout: 'file',
    extension: '.jsonld',
    description: 'JSON-LD, one annotation per span, quote and position selectors',
  },
  qdpx: {
    format: 'qdpx',
    title: 'REFI-QDA (QDPX)',
    layout: 'zip',
    extension: '.qdpx',
    description: 'For QualCoder, MAXQDA, ATLAS.ti, NVivo: codes and coded text selections',
  },
};

/**
 * The name an export of project `projectName` gets: the project's name with the format's extension. A folder
 * format is named `<project>-<format>`: a folder when saved from the desktop app, a .zip when downloaded.
 */
export function exportFileName(projectName: string, format: ExportFormat, as: 'saved' | 'download'): string {
  const info = EXPORT_FORMAT_INFO[format];
  if (info.layout !== 'folder') return projectName + info.extension;
  return `${projectName}-${format}${as === 'download' ? info.extension : ''}`;
}

/** What an export keeps. Statuses select documents; labels and annotator select spans (and the links between kept spans). */
export interface ExportFilter {
  statuses?: DocumentStatus[];
  /** Label names. */
  labels?: string[];
  annotator?: string;
}

/** An import's outcome in one line, as the CLI prints it (the app words it in its own language, src/renderer/state/importText.ts): "3 imported, 1 skipped, 0 rejected". */
export function importSummary(report: ImportReport): string {
  return `${report.imported.length} imported, ${report.skipped.length} skipped, ${report.rejected.length} rejected`;
}

/**
 * The file extensions an import reads (without the dot): what a folder import keeps, in the desktop app, the
 * browser and the CLI alike, and what the file pickers offer.
 */
export const IMPORTABLE_EXTENSIONS = ['txt', 'jsonl', 'ndjson', 'json', 'csv', 'ann'] as const;

/** Whether a file of this name is one an import reads (case-insensitive on the extension). */
export function isImportableName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (IMPORTABLE_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

export const IMPORT_FORMATS = ['auto', 'txt', 'jsonl', 'doccano', 'label-studio', 'brat', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Which columns of a CSV hold a document's text, title and id. */
export interface CsvColumns {
  textColumn: string;
  titleColumn?: string;
  idColumn?: string;
  /**
   * Provenance from columns: metadata key (outlet, published, url, language, external_id, file_name, or any
   * other name, kept in `extra`) to the column it is read from. `--meta-column outlet=source,published=date`.
   */
  metaColumns?: Record<string, string>;
}

export interface ImportOptions {
  format: ImportFormat;
  csv?: CsvColumns;
}

export type JobKind = 'import' | 'export';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A long import or export, as the renderer polls it with `jobs:status`. */
export interface JobStatus {
  id: string;
  kind: JobKind;
  state: JobState;
  /** What is being done now, for the progress bar's caption: in English, and as a message when it has one. */
  phase: string;
  phaseI18n?: Message;
  /** Units done so far and in all (documents for an export, files for an import); total 0 while unknown. */
  done: number;
  total: number;
  unit: 'documents' | 'files';
  startedAt: string;
  /** Set when state is `failed`: in English, and as a message when the failure was an AppError that had one. */
  error?: string;
  errorI18n?: Message;
  /** Set when state is `done`. */
  export?: ExportSummary;
  import?: ImportReport;
}

/**
 * What `jobs:start-export` and `jobs:start-import` answer. In the browser an export job waits for its
 * download: the renderer opens `platform.exportUrl(jobId)`, and the host streams that job's export.
 */
export interface StartedJob {
  jobId: string;
}
