/**
 * The renderer's state and every action a user takes. Actions call the contract; the state changes only with
 * what main answered, so what the screen shows as saved is what the database holds.
 */
import type { Channel, RequestOf, ResponseOf, SpanlightApi } from '@shared/contract';
import type {
  Annotation,
  AnnotationDelta,
  Relation,
  AppInfo,
  AttributeValues,
  DocumentRecord,
  DocumentStatus,
  DocumentSummary,
  ExportFormat,
  HistoryStep,
  ImportReport,
  Label,
} from '@shared/model';
import { sliceCodePoints, type CodePointRange } from '@shared/offsets';
import type { JobStatus } from '@shared/datasets';
import type { Result } from '@shared/errors';
import { followJob, startImport } from '../platform/datasetJobs';
import { defaultAttributes } from './defaultAttributes';
import { sortAnnotations } from './annotationOrder';
import { SaveTracker, type SaveState } from './saveTracker';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  details: string[];
}

export interface OpenDocumentState {
  document: DocumentRecord;
  /** In text order (start, then end). */
  annotations: Annotation[];
  relations: Relation[];
}

export type DocumentSort = 'imported' | 'title' | 'annotations' | 'status';

export interface DocumentFilter {
  /** Statuses shown; empty shows all. */
  statuses: DocumentStatus[];
  /** Only documents holding an annotation of this label. */
  labelId: string | null;
  /** The ids of those documents, fetched when the label filter is set. */
  labelDocumentIds: ReadonlySet<string> | null;
  sort: DocumentSort;
}

export type Dialog = 'help' | 'labels' | 'search' | 'export' | 'backups' | null;

export interface AppState {
  info: AppInfo | null;
  labels: Label[];
  documents: DocumentSummary[];
  open: OpenDocumentState | null;
  /** The user's current text selection in the article, in code points; null when empty. */
  selection: CodePointRange | null;
  selectedAnnotationId: string | null;
  /** The annotations under the caret, when the caret is in the article (clicks cycle through them). */
  annotationsHere: string[];
  save: SaveState;
  notice: Notice | null;
  /** A request to scroll the editor to an annotation; the counter makes a repeated request a new one. */
  scrollRequest: { annotationId: string; serial: number } | null;
  filter: DocumentFilter;
  dialog: Dialog;
  /** Link mode: the annotation a new link starts from, waiting for its target, and the link's type. */
  linkFrom: string | null;
  linkType: string;
  /** Where the note field is asked to take focus; the counter makes a repeated request a new one. */
  noteFocusRequest: number;
  /** The import or export running (or just ended), shown as a progress bar with Cancel. */
  job: JobStatus | null;
  /** A range the editor is asked to select and scroll to (a search hit). */
  revealRequest: { start: number; end: number; serial: number } | null;
}

const initialState: AppState = {
  info: null,
  labels: [],
  documents: [],
  open: null,
  selection: null,
  selectedAnnotationId: null,
  annotationsHere: [],
  save: { kind: 'idle' },
  notice: null,
  scrollRequest: null,
  filter: { statuses: [], labelId: null, labelDocumentIds: null, sort: 'imported' },
  dialog: null,
  linkFrom: null,
  linkType: 'supports',
  noteFocusRequest: 0,
  revealRequest: null,
  job: null,
};

export function describeReport(report: ImportReport): Notice {
  const parts = [
    `${report.imported.length} imported`,
    `${report.skipped.length} skipped`,
    `${report.rejected.length} rejected`,
  ];
  return {
    kind: report.rejected.length ? 'error' : 'info',
    text: `Import: ${parts.join(', ')}`,
    details: [
      ...report.rejected.map((r) => `Rejected ${r.fileName}: ${r.reason}`),
      ...report.skipped.map((s) => `Skipped ${s.fileName}: ${s.reason}`),
    ],
  };
}

/** A change to the annotations on screen, ahead of main's answer. */
interface LocalChange {
  upserted: Annotation[];
  deletedIds: string[];
}

const PROVISIONAL_PREFIX = 'provisional-';
let provisionalCount = 0;

function isProvisional(id: string): boolean {
  return id.startsWith(PROVISIONAL_PREFIX);
}

/** An annotation shown while main is saving it; replaced by the stored one when main answers. */
function provisionalAnnotation(
  request: { documentId: string; start: number; end: number; labelId: string; attributes: AttributeValues },
  annotator: string | null,
): Annotation {
  const now = new Date().toISOString();
  return {
    id: `${PROVISIONAL_PREFIX}${++provisionalCount}`,
    note: '',
    annotator,
    createdAt: now,
    updatedAt: now,
    ...request,
  };
}

/** Channels whose answer is an AnnotationDelta for the open document. */
export type MutatingChannel =
  | 'annotations:create'
  | 'annotations:relabel'
  | 'annotations:set-note'
  | 'annotations:set-attributes'
  | 'annotations:delete'
  | 'relations:create'
  | 'relations:delete'
  | 'history:undo'
  | 'history:redo';

export class AppStore {
  private state: AppState = initialState;
  private readonly listeners = new Set<() => void>();
  /**
   * Reads the article selection at the moment of asking. `selectionchange` arrives a task after the
   * selection moved, so a label key pressed right after a Shift+arrow must not act on the cached value.
   */
  private selectionSource: (() => CodePointRange | null) | null = null;

  constructor(private readonly api: SpanlightApi) {}

  getState = (): AppState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Feature modules (state/actions/*) change the state through here. */
  set(patch: Partial<AppState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Calls a channel; a failure becomes a visible notice and `undefined`. */
  async call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C> | undefined> {
    const result = await this.api[channel](request);
    if (result.ok) return result.value;
    this.set({ notice: { kind: 'error', text: result.error.message, details: [] } });
    return undefined;
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  showNotice(notice: Notice): void {
    this.set({ notice });
  }

  // --- project -------------------------------------------------------------------------------------------

  async load(): Promise<void> {
    const info = await this.call('app:info', {});
    if (!info) return;
    this.set({ info });
    if (info.project) await this.loadProjectData();
  }

  async createProject(path: string): Promise<void> {
    if (await this.call('project:create', { path })) await this.load();
  }

  async openProject(path: string): Promise<void> {
    if (await this.call('project:open', { path })) await this.load();
  }

  async chooseProject(mode: 'open' | 'create'): Promise<void> {
    if (await this.call('project:choose', { mode })) await this.load();
  }

  /** Back to the project picker; the open project stays open in main until another replaces it. */
  showProjectPicker(): void {
    const info = this.state.info;
    if (info)
      this.set({ info: { ...info, project: null }, open: null, selection: null, selectedAnnotationId: null });
  }

  private async loadProjectData(): Promise<void> {
    const askedBefore = this.requestedDocumentId;
    const [labels, documents] = await Promise.all([
      this.call('labels:list', {}),
      this.call('documents:list', {}),
    ]);
    this.set({
      labels: labels ?? [],
      documents: documents ?? [],
      selection: null,
      selectedAnnotationId: null,
    });
    // A document the user opened while this was loading stays; otherwise the one open before, or the first.
    if (this.requestedDocumentId !== askedBefore) return;
    const previous = documents?.find((d) => d.id === this.state.open?.document.id);
    const next = previous ?? documents?.[0];
    if (next) await this.openDocument(next.id);
    else this.set({ open: null });
  }

  async refreshDocuments(): Promise<void> {
    const documents = await this.call('documents:list', {});
    if (documents) this.set({ documents });
  }

  // --- import and export ---------------------------------------------------------------------------------

  /** Imports files read in the renderer, as a job with progress and cancel (formats detected by main). */
  async importFiles(files: Array<{ name: string; base64: string }>): Promise<void> {
    if (files.length === 0) {
      this.set({
        notice: {
          kind: 'error',
          text: 'Nothing to import: no files of a format Spanlight reads were given',
          details: [],
        },
      });
      return;
    }
    this.set({ notice: null });
    await this.runImport(await startImport(this.api, files, { format: 'auto' }));
  }

  /** The desktop app: a native dialog, then files and folders read from disk in main. */
  async chooseImport(kind: 'files' | 'folder'): Promise<void> {
    const started = await this.api['jobs:start-import']({
      format: 'auto',
      source: { kind: 'choose', pick: kind },
    });
    await this.runImport(started.ok ? { ok: true, value: started.value?.jobId ?? null } : started);
  }

  private async runImport(started: Result<string | null>): Promise<void> {
    const status = await this.followJob(started);
    if (status?.state === 'done' && status.import) {
      this.set({ job: null });
      await this.afterImport(status.import);
    } else if (status?.import) {
      // Cancelled part way: what was imported before the cancel is in the project.
      await this.refreshDocuments();
    }
  }

  /** Follows a started job in `job` (the progress bar) until it ends; undefined when it did not start. */
  async followJob(started: Result<string | null>): Promise<JobStatus | undefined> {
    if (!started.ok) {
      this.set({ notice: { kind: 'error', text: started.error.message, details: [] } });
      return undefined;
    }
    if (started.value === null) return undefined;
    const last = await followJob(this.api, started.value, (job) => this.set({ job }));
    if (!last.ok) {
      this.set({ notice: { kind: 'error', text: last.error.message, details: [] } });
      return undefined;
    }
    return last.value;
  }

  private async afterImport(report: ImportReport): Promise<void> {
    this.set({ notice: describeReport(report) });
    await this.refreshDocuments();
    const firstImported = report.imported[0];
    if (!this.state.open && firstImported) await this.openDocument(firstImported.documentId);
  }

  async chooseExport(format: ExportFormat): Promise<void> {
    const summary = await this.call('export:choose', { format });
    if (summary) {
      this.set({
        notice: {
          kind: 'info',
          text: `Exported ${summary.documents} documents, ${summary.spans} spans to ${summary.path}`,
          details: [],
        },
      });
    }
  }

  // --- documents -----------------------------------------------------------------------------------------

  /** The document last asked for: quick J J steps two documents, and a slow answer never replaces a newer one. */
  private requestedDocumentId: string | null = null;

  currentDocumentId(): string | null {
    return this.requestedDocumentId ?? this.state.open?.document.id ?? null;
  }

  async openDocument(id: string): Promise<void> {
    this.requestedDocumentId = id;
    const opened = await this.call('documents:open', { id });
    if (!opened || this.requestedDocumentId !== id) return;
    this.set({
      open: {
        document: opened.document,
        annotations: sortAnnotations(opened.annotations),
        relations: opened.relations,
      },
      selection: null,
      selectedAnnotationId: null,
      linkFrom: null,
    });
  }

  async setStatus(status: DocumentStatus): Promise<void> {
    const open = this.state.open;
    if (!open) return;
    const summary = await this.call('documents:set-status', { id: open.document.id, status });
    if (!summary) return;
    this.set({
      open: { ...open, document: { ...open.document, status } },
      documents: this.state.documents.map((d) => (d.id === summary.id ? { ...d, status } : d)),
    });
  }

  // --- annotations ---------------------------------------------------------------------------------------

  setAnnotationsHere(ids: string[]): void {
    const current = this.state.annotationsHere;
    if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
    this.set({ annotationsHere: ids });
  }

  setSelectionSource(source: (() => CodePointRange | null) | null): void {
    this.selectionSource = source;
  }

  setSelection(selection: CodePointRange | null): void {
    const current = this.state.selection;
    if (
      current === selection ||
      (current && selection && current.start === selection.start && current.end === selection.end)
    )
      return;
    this.set({ selection });
  }

  selectAnnotation(id: string | null, scroll = false): void {
    const serial = (this.state.scrollRequest?.serial ?? 0) + 1;
    this.set({
      selectedAnnotationId: id,
      scrollRequest: scroll && id ? { annotationId: id, serial } : this.state.scrollRequest,
    });
  }

  /** The label key or button: tags the selected text, or relabels the selected annotation. */
  async applyLabel(labelId: string): Promise<void> {
    if (this.selectionSource) this.setSelection(this.selectionSource());
    const { open, selection, selectedAnnotationId } = this.state;
    if (!open) return;
    if (selection) {
      const label = this.state.labels.find((l) => l.id === labelId);
      const request = {
        documentId: open.document.id,
        start: selection.start,
        end: selection.end,
        labelId,
        attributes: label
          ? defaultAttributes(label, sliceCodePoints(open.document.text, selection.start, selection.end))
          : {},
      };
      // Painted at once; the save indicator says "Saving…" until main has committed it.
      const provisional = provisionalAnnotation(request, this.state.info?.project?.annotator ?? null);
      // The new highlight, not the browser's selection colour, should show what was tagged.
      document.getSelection()?.removeAllRanges();
      this.set({ selectedAnnotationId: provisional.id, selection: null });
      const delta = await this.mutate('annotations:create', request, {
        apply: { upserted: [provisional], deletedIds: [] },
        revert: { upserted: [], deletedIds: [provisional.id] },
      });
      const created = delta?.upserted[0];
      if (this.state.selectedAnnotationId === provisional.id)
        this.set({ selectedAnnotationId: created?.id ?? null });
    } else if (selectedAnnotationId && !isProvisional(selectedAnnotationId)) {
      const current = open.annotations.find((a) => a.id === selectedAnnotationId);
      await this.mutate(
        'annotations:relabel',
        { id: selectedAnnotationId, labelId },
        current && {
          apply: { upserted: [{ ...current, labelId }], deletedIds: [] },
          revert: { upserted: [current], deletedIds: [] },
        },
      );
    }
  }

  /** Asks the inspector to focus the selected annotation's note field. */
  focusNote(): void {
    if (this.state.selectedAnnotationId) this.set({ noteFocusRequest: this.state.noteFocusRequest + 1 });
  }

  async setAttributes(id: string, attributes: AttributeValues): Promise<void> {
    if (isProvisional(id)) return;
    await this.mutate('annotations:set-attributes', { id, attributes });
  }

  async setAnnotator(name: string): Promise<void> {
    const project = await this.call('project:set-annotator', { name });
    const info = this.state.info;
    if (project && info) this.set({ info: { ...info, project } });
  }

  async relabelSelected(labelId: string): Promise<void> {
    const id = this.state.selectedAnnotationId;
    if (id) await this.mutate('annotations:relabel', { id, labelId });
  }

  async setNote(id: string, note: string): Promise<void> {
    if (isProvisional(id)) return;
    await this.mutate('annotations:set-note', { id, note });
  }

  async deleteSelected(): Promise<void> {
    const id = this.state.selectedAnnotationId;
    if (!id || isProvisional(id)) return;
    if (await this.mutate('annotations:delete', { id })) this.set({ selectedAnnotationId: null });
  }

  async undo(): Promise<void> {
    await this.history('history:undo');
  }

  async redo(): Promise<void> {
    await this.history('history:redo');
  }

  private async history(channel: 'history:undo' | 'history:redo'): Promise<void> {
    const open = this.state.open;
    if (!open) return;
    const undo = channel === 'history:undo';
    await this.mutate(channel, { documentId: open.document.id }, undefined, (answer) => {
      const { description } = answer as HistoryStep;
      if (description === null) return undo ? 'Nothing to undo' : 'Nothing to redo';
      return `${undo ? 'Undid' : 'Redid'} ${description}`;
    });
  }

  private readonly saves = new SaveTracker();

  /**
   * Sends a change, shows "saving" until main has committed it and every other change in flight, then
   * applies what main answered. `describe` names the change on the indicator (an undo says what it undid).
   */
  async mutate<C extends MutatingChannel>(
    channel: C,
    request: RequestOf<C>,
    optimistic?: { apply: LocalChange; revert: LocalChange },
    describe?: (answer: AnnotationDelta) => string,
  ): Promise<AnnotationDelta | undefined> {
    this.set({ save: this.saves.started() });
    if (optimistic) this.applyLocal(optimistic.apply);
    const result = await this.api[channel](request);
    // What was shown ahead of the answer gives way to the answer (or to the state before, on failure).
    if (optimistic) this.applyLocal(optimistic.revert);
    if (!result.ok) {
      this.set({
        save: this.saves.failed(result.error.message),
        notice: { kind: 'error', text: result.error.message, details: [] },
      });
      return undefined;
    }
    const delta = result.value as AnnotationDelta;
    this.applyDelta(delta);
    this.set({ save: this.saves.committed(delta.savedAt, describe?.(delta) ?? null) });
    return delta;
  }

  /** Changes the open document's annotations on screen only (a preview of a change main has not answered). */
  private applyLocal(change: LocalChange): void {
    const open = this.state.open;
    if (!open) return;
    const removed = new Set([...change.deletedIds, ...change.upserted.map((a) => a.id)]);
    const documentId = open.document.id;
    const upserted = change.upserted.filter((a) => a.documentId === documentId);
    this.set({
      open: {
        ...open,
        annotations: sortAnnotations([...open.annotations.filter((a) => !removed.has(a.id)), ...upserted]),
      },
    });
  }

  private applyDelta(delta: AnnotationDelta): void {
    const open = this.state.open;
    const documents = this.state.documents.map((d) =>
      d.id === delta.documentId ? { ...d, annotationCount: delta.annotationCount } : d,
    );
    if (!open || open.document.id !== delta.documentId) {
      this.set({ documents });
      return;
    }
    const removed = new Set([...delta.deletedIds, ...delta.upserted.map((a) => a.id)]);
    const annotations = sortAnnotations([
      ...open.annotations.filter((a) => !removed.has(a.id)),
      ...delta.upserted,
    ]);
    const removedRelations = new Set([
      ...delta.deletedRelationIds,
      ...delta.upsertedRelations.map((r) => r.id),
    ]);
    const relations = [
      ...open.relations.filter((r) => !removedRelations.has(r.id)),
      ...delta.upsertedRelations,
    ];
    const selectedAnnotationId =
      this.state.selectedAnnotationId && delta.deletedIds.includes(this.state.selectedAnnotationId)
        ? null
        : this.state.selectedAnnotationId;
    this.set({ documents, open: { ...open, annotations, relations }, selectedAnnotationId });
  }
}
