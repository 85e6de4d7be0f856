/**
 * The IPC contract: every channel between the renderer and the main process, its request schema and its
 * response type. Main registers handlers from this map and validates each payload with the schema before a
 * handler sees it; the preload and the browser transport expose one function per channel from it; tests
 * call it. A channel name is written here and nowhere else.
 */
import { z } from 'zod';
import type {
  AnnotationDelta,
  AnnotationSearchHit,
  AppInfo,
  BackupInfo,
  DocumentSearchHit,
  DocumentStatus,
  DocumentSummary,
  HistoryStep,
  Label,
  OpenedDocument,
  Place,
  ProjectInfo,
  SavedCopy,
} from './model';
import { ATTRIBUTE_TYPES, DOCUMENT_STATUSES, EXPORT_FORMATS, LANGUAGE_CHOICES, THEME_CHOICES } from './model';
import { IMPORT_FORMATS, type ExportFilter, type JobStatus, type StartedJob } from './datasets';
import { RESERVED_KEYS } from './keys';
import { metaFieldsSchema } from './documentMeta';
import { annotatorName, labelName, linkType } from './labelRules';
import type { Result } from './errors';
import type { TextDirection } from './direction';
import type { LayerMode, LayerStatus, MergeReport } from './layers';
import { BOARD_TABLE_FORMATS, type Board } from './board';
import { topicName, type Topic } from './topics';
import { SUGGESTION_RULES, type Suggestion, type SwitchedOffRule } from './suggestions';
import {
  ADJUDICATION_RULES,
  type AdjudicationReport,
  type AgreementFigures,
  type DocumentComparison,
  type ProjectComparison,
} from './comparison';

/** Bounds that keep a hostile payload from costing memory or time. */
export const LIMITS = {
  idLength: 200,
  pathLength: 4096,
  noteLength: 20_000,
  /** Largest document accepted, in code points. */
  maxOffset: 50_000_000,
  /** Labels in a project (and so in a reorder or an export filter). */
  labels: 200,
  importBatchFiles: 10_000,
  /** Topics in a project (and so in a reorder). */
  topics: 500,
  /** Base64 of one imported file: 64 MiB of bytes. */
  importFileBase64: 90_000_000,
  /** Annotators compared at once, and spans settled in one disagreement. */
  comparedLayers: 50,
  comparedSpans: 5_000,
} as const;

const id = z.string().min(1).max(LIMITS.idLength);
const offset = z.number().int().min(0).max(LIMITS.maxOffset);
const path = z.string().min(1).max(LIMITS.pathLength);
const empty = z.strictObject({});
const attributeName = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _');
const attributeValues = z.record(
  attributeName,
  z.union([z.string().max(LIMITS.noteLength), z.number(), z.boolean()]),
);
const note = z.string().max(LIMITS.noteLength);
/** An annotator's name, which is also the name of their layer (./labelRules: imports check it too). */
const layerName = annotatorName;
const comparedLayers = z.array(layerName).min(2).max(LIMITS.comparedLayers);

/**
 * The fields an import also brings in: imports check them with these same schemas, so a file cannot store
 * what the app then refuses to open or edit. Label names and link types have their rule in ./labelRules.
 */
export const FIELD_SCHEMAS = { id, note } as const;

const labelFields = {
  name: labelName,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072b2'),
  hotkey: z
    .string()
    .regex(/^[0-9a-z]$/, 'one digit or lowercase letter')
    .refine((key) => !RESERVED_KEYS.includes(key), 'that key is taken by a command')
    .nullable(),
  attributes: z
    .array(
      z.strictObject({
        name: attributeName,
        type: z.enum(ATTRIBUTE_TYPES),
        choices: z.array(z.string().min(1).max(60)).max(50).optional(),
        suggest: z.boolean().optional(),
      }),
    )
    .max(30),
};

// --- datasets in and out (src/shared/datasets.ts) ---
/** Files read by the renderer, as base64 bytes, so main decodes them. */
const importFiles = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(LIMITS.pathLength),
      base64: z.string().max(LIMITS.importFileBase64),
    }),
  )
  .min(1)
  .max(LIMITS.importBatchFiles);
const exportFilter = z.strictObject({
  statuses: z.array(z.enum(DOCUMENT_STATUSES)).max(DOCUMENT_STATUSES.length).optional(),
  labels: z.array(z.string().min(1).max(60)).max(LIMITS.labels).optional(),
  annotator: z.string().min(1).max(100).optional(),
}) satisfies z.ZodType<ExportFilter>;
const columnName = z.string().min(1).max(200);
const importOptions = {
  format: z.enum(IMPORT_FORMATS).default('auto'),
  csv: z
    .strictObject({
      textColumn: columnName,
      titleColumn: columnName.optional(),
      idColumn: columnName.optional(),
      metaColumns: z
        .record(z.string().min(1).max(100), columnName)
        .refine((columns) => Object.keys(columns).length <= 100, 'at most 100 metadata columns')
        .optional(),
    })
    .optional(),
};

const boardQuery = z.strictObject({
  topic: topicName.optional(),
  documentIds: z.array(id).max(100_000).optional(),
});

/** Binds a request schema to its response type; the response exists only at the type level. */
function channel<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

export const contract = {
  'app:info': channel<AppInfo>()(empty),

  'project:create': channel<ProjectInfo>()(z.strictObject({ path })),
  'project:open': channel<ProjectInfo>()(z.strictObject({ path })),
  /** Native file dialogs exist only in the Electron shell; the browser host answers `unsupported`. */
  'project:choose': channel<ProjectInfo | null>()(z.strictObject({ mode: z.enum(['open', 'create']) })),
  /** File → Save a copy…: the open project, every acknowledged change in it, to a new file at `path`. */
  'project:save-copy': channel<SavedCopy>()(z.strictObject({ path })),
  /** The same, to a path chosen in a native save dialog (desktop app); null when cancelled. */
  'project:save-copy-choose': channel<SavedCopy | null>()(empty),
  /** The sample project in the data folder, built from the app's sample articles the first time. */
  'project:open-sample': channel<ProjectInfo>()(empty),

  'documents:list': channel<DocumentSummary[]>()(empty),
  'documents:open': channel<OpenedDocument>()(z.strictObject({ id })),
  'documents:set-status': channel<AnnotationDelta>()(
    z.strictObject({ id, status: z.enum(DOCUMENT_STATUSES) satisfies z.ZodType<DocumentStatus> }),
  ),

  /** The user's settings, kept outside any project. */
  'settings:set-theme': channel<null>()(z.strictObject({ theme: z.enum(THEME_CHOICES) })),
  /** Paragraphs of a document whose direction the user flipped (kept per user), by line. */
  'directions:get': channel<Record<string, TextDirection>>()(z.strictObject({ documentId: id })),
  'directions:set': channel<null>()(
    z.strictObject({
      documentId: id,
      line: z.number().int().min(0).max(LIMITS.maxOffset),
      direction: z.enum(['ltr', 'rtl']).nullable(),
    }),
  ),
  /** Where the user was in the open project (kept per user, outside the project), to reopen it there. */
  'place:get': channel<Place | null>()(empty),
  'place:set': channel<null>()(z.strictObject({ documentId: id, offset })),

  'labels:list': channel<Label[]>()(empty),

  'annotations:create': channel<AnnotationDelta>()(
    z.strictObject({
      documentId: id,
      start: offset,
      end: offset,
      labelId: id,
      attributes: attributeValues.optional(),
    }),
  ),
  'annotations:relabel': channel<AnnotationDelta>()(z.strictObject({ id, labelId: id })),
  'annotations:set-note': channel<AnnotationDelta>()(z.strictObject({ id, note })),
  'annotations:delete': channel<AnnotationDelta>()(z.strictObject({ id })),

  'history:undo': channel<HistoryStep>()(z.strictObject({ documentId: id })),
  'history:redo': channel<HistoryStep>()(z.strictObject({ documentId: id })),

  'annotations:set-attributes': channel<AnnotationDelta>()(
    z.strictObject({ id, attributes: attributeValues }),
  ),

  'relations:create': channel<AnnotationDelta>()(z.strictObject({ fromId: id, toId: id, type: linkType })),
  'relations:delete': channel<AnnotationDelta>()(z.strictObject({ id })),

  /** How many annotations each label has, by label id (what deleting a label would delete). */
  'labels:usage': channel<Record<string, number>>()(empty),
  'labels:create': channel<Label>()(z.strictObject(labelFields)),
  'labels:update': channel<Label>()(z.strictObject({ id, ...labelFields })),
  'labels:reorder': channel<Label[]>()(z.strictObject({ ids: z.array(id).min(1).max(LIMITS.labels) })),
  'labels:delete': channel<Label[]>()(z.strictObject({ id, expectedCount: z.number().int().min(0) })),

  'project:set-annotator': channel<ProjectInfo>()(z.strictObject({ name: layerName })),

  'documents:ids-with-label': channel<string[]>()(z.strictObject({ labelId: id })),
  'search:documents': channel<DocumentSearchHit[]>()(
    z.strictObject({ query: z.string().max(500), limit: z.number().int().min(1).max(500).default(50) }),
  ),
  'search:annotations': channel<AnnotationSearchHit[]>()(
    z.strictObject({
      labelId: id.optional(),
      text: z.string().max(500).optional(),
      attribute: attributeName.optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
  ),
  'attributes:suggest': channel<string[]>()(z.strictObject({ labelId: id, name: attributeName })),

  // --- datasets in and out: long imports and exports as jobs with progress and cancel (src/core/jobs) ---
  /** What the export dialog offers beyond the labels: the annotators to filter by. */
  'export:options': channel<{ annotators: string[] }>()(empty),
  /**
   * `choose` (Electron): a native save dialog, then the export runs; null when the dialog was cancelled.
   * `download` (browser): the job waits until the renderer opens `platform.exportUrl(jobId)`.
   */
  'jobs:start-export': channel<StartedJob | null>()(
    z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      filter: exportFilter.default({}),
      destination: z.enum(['choose', 'download']),
      /** CSV for a spreadsheet: a UTF-8 BOM, and cells a spreadsheet would run as formulas prefixed with `'`. */
      spreadsheet: z.boolean().default(false),
    }),
  ),
  /** Files sent by the renderer, or (Electron) chosen in a native dialog; null when the dialog was cancelled. */
  'jobs:start-import': channel<StartedJob | null>()(
    z.strictObject({
      ...importOptions,
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('files'), files: importFiles }),
        z.strictObject({ kind: z.literal('choose'), pick: z.enum(['files', 'folder']) }),
      ]),
    }),
  ),
  'jobs:status': channel<JobStatus>()(z.strictObject({ id })),
  'jobs:cancel': channel<JobStatus>()(z.strictObject({ id })),

  // --- backups of the open project (src/core/backup) ---
  /** Newest first. */
  'backups:list': channel<BackupInfo[]>()(empty),
  'backups:create': channel<BackupInfo>()(empty),
  /** Backs up the current state, then replaces it with backup `id` (a name from `backups:list`, never a path). */
  'backups:restore': channel<ProjectInfo>()(
    z.strictObject({ id: id.regex(/^[\w-]+\.spanlight$/, 'a backup name from backups:list') }),
  ),

  // --- provenance: where each document came from (src/shared/documentMeta.ts) ---
  /** The document panel's edit of outlet, date, address, language, external id and extra keys: undoable. */
  'documents:set-meta': channel<AnnotationDelta>()(z.strictObject({ id, meta: metaFieldsSchema })),

  // --- layers: several annotators in one project (src/core/api/layerHandlers.ts) ---
  /** The layer the user works in. */
  'layers:mode': channel<LayerMode>()(empty),
  /** Starts curating into `layer` (its spans become editable, new spans go to it), or stops (null). */
  'layers:set-curating': channel<LayerMode>()(
    z.strictObject({ layer: z.string().trim().min(1).max(100).nullable() }),
  ),
  /** Every annotator's own status of every document (the document list's team column). */
  'layers:statuses': channel<LayerStatus[]>()(empty),
  /**
   * File → Merge annotations…: another Spanlight project or a canonical JSONL export, at `path` (typed in the
   * browser) or chosen in a native dialog (desktop app; null when cancelled).
   */
  'layers:merge': channel<MergeReport | null>()(
    z.strictObject({
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('path'), path }),
        z.strictObject({ kind: z.literal('choose') }),
      ]),
      force: z.boolean().default(false),
      addDocuments: z.boolean().default(false),
    }),
  ),

  // --- topics and the claim board (issue 15: src/core/project/topicService.ts, src/core/board) ---
  'topics:list': channel<Topic[]>()(empty),
  'topics:create': channel<Topic[]>()(z.strictObject({ name: topicName })),
  'topics:rename': channel<Topic[]>()(z.strictObject({ id, name: topicName })),
  'topics:reorder': channel<Topic[]>()(z.strictObject({ ids: z.array(id).min(1).max(LIMITS.topics) })),
  'topics:delete': channel<Topic[]>()(z.strictObject({ id })),
  /** Undo and redo of the topic list's own history (the documents keep theirs). */
  'topics:undo': channel<HistoryStep>()(empty),
  'topics:redo': channel<HistoryStep>()(empty),
  /** The board of the whole project, or of one topic, or of the listed documents. */
  'board:get': channel<Board>()(boardQuery),
  /** The board as the CLI's `spanlight board` writes it (CSV or JSON text). */
  'board:table': channel<string>()(
    z.strictObject({ ...boardQuery.shape, format: z.enum(BOARD_TABLE_FORMATS) }),
  ),

  // --- suggestions in the workbench (src/core/project/suggestionService.ts) ---
  /** What the rules and the learned matcher offer in a document now, in text order; never annotations. */
  'suggestions:list': channel<Suggestion[]>()(z.strictObject({ documentId: id })),
  /**
   * Accepts a suggestion by its id, as an annotation of the project's annotator; main finds it again among
   * those offered now, so a stale or forged id adds nothing.
   */
  'suggestions:accept': channel<AnnotationDelta>()(z.strictObject({ documentId: id, id })),
  /** Not offered again: the suggestion's text, for its label, anywhere in the project. */
  'suggestions:reject': channel<null>()(z.strictObject({ documentId: id, id })),
  /** Every suggestion of one label in the document, as one undoable action. */
  'suggestions:accept-all': channel<AnnotationDelta>()(z.strictObject({ documentId: id, labelId: id })),
  /** The rule families switched off, label by label. */
  'suggestions:switched-off': channel<SwitchedOffRule[]>()(empty),
  'suggestions:set-rule': channel<SwitchedOffRule[]>()(
    z.strictObject({ labelId: id, rule: z.enum(SUGGESTION_RULES), enabled: z.boolean() }),
  ),

  // --- several annotators: comparison, adjudication into a curated layer, agreement (issue 12) ---
  /** One document's chosen layers, each span classed, and its disagreements with how each was settled. */
  'compare:document': channel<DocumentComparison>()(
    z.strictObject({ documentId: id, annotators: comparedLayers, into: layerName }),
  ),
  /** Every document's count of disagreements between the chosen layers, settled or not. */
  'compare:documents': channel<ProjectComparison>()(
    z.strictObject({ annotators: comparedLayers, into: layerName }),
  ),
  /** Copies one annotator's span (note and attributes too) into the curated layer; undoable. */
  'adjudicate:accept': channel<AnnotationDelta>()(z.strictObject({ id, into: layerName })),
  /** Relabels a span of the curated layer; undoable. */
  'adjudicate:relabel': channel<AnnotationDelta>()(z.strictObject({ id, labelId: id, into: layerName })),
  /** Moves a span of the curated layer to another extent; undoable. */
  'adjudicate:set-extent': channel<AnnotationDelta>()(
    z.strictObject({ id, start: offset, end: offset, into: layerName }),
  ),
  /** Settles a disagreement without taking a span: its spans are rejected for the curated layer; undoable. */
  'adjudicate:reject': channel<AnnotationDelta>()(
    z.strictObject({
      documentId: id,
      spans: z
        .array(z.strictObject({ labelId: id, start: offset, end: offset }))
        .min(1)
        .max(LIMITS.comparedSpans),
      into: layerName,
    }),
  ),
  /** "Accept all agreed": what `spanlight adjudicate` does. */
  'adjudicate:accept-agreed': channel<AdjudicationReport>()(
    z.strictObject({ annotators: comparedLayers, rule: z.enum(ADJUDICATION_RULES), into: layerName }),
  ),
  /** The figures `spanlight agreement --json` prints, and the documents left out. */
  'agreement:report': channel<AgreementFigures>()(
    z.strictObject({
      annotators: comparedLayers.optional(),
      labels: z.array(labelName).min(1).max(LIMITS.labels).optional(),
      statuses: z.array(z.enum(DOCUMENT_STATUSES)).min(1).max(DOCUMENT_STATUSES.length).optional(),
    }),
  ),

  // The interface language (issue 14): kept in the user's settings like the theme.
  'settings:set-language': channel<null>()(z.strictObject({ language: z.enum(LANGUAGE_CHOICES) })),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the renderer holds: one async function per channel, answering a Result (errors are values). */
export type SpanlightApi = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'spanlight';

/** The browser host's HTTP mapping of the contract. */
export const HTTP = {
  apiPrefix: '/api/',
  exportPath: '/download/export',
  /** The query parameter of a launch address: a one-time nonce the host trades for its session cookie. */
  launchParam: 'launch',
} as const;
