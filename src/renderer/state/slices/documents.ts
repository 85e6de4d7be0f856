/** The project's documents: the list, its filter and order, and the document open in the editor. */
import type {
  Annotation,
  DocumentMeta,
  DocumentMetaFields,
  DocumentRecord,
  DocumentStatus,
  DocumentSummary,
  Relation,
} from '@shared/model';
import { i18n } from '../../i18n/i18n';
import { sortAnnotations } from '../annotationOrder';
import type { StoreCore } from '../storeCore';
import type { AnnotationChangeActions } from './annotationChanges';
import { said } from '../../i18n/said';
import { saidNotice } from './ui';

export interface OpenDocumentState {
  document: DocumentRecord;
  /** Where it came from (the document panel shows and edits it). */
  meta: DocumentMeta;
  /** In text order (start, then end). */
  annotations: Annotation[];
  relations: Relation[];
}

export type DocumentSort = 'imported' | 'file' | 'title' | 'annotations' | 'status' | 'outlet' | 'published';

export interface DocumentFilter {
  /** Statuses shown; empty shows all. */
  statuses: DocumentStatus[];
  /** Only documents holding an annotation of this label. */
  labelId: string | null;
  /** The ids of those documents, fetched when the label filter is set. */
  labelDocumentIds: ReadonlySet<string> | null;
  sort: DocumentSort;
}

export interface DocumentsState {
  documents: DocumentSummary[];
  open: OpenDocumentState | null;
  filter: DocumentFilter;
}

export const initialDocumentsState: DocumentsState = {
  documents: [],
  open: null,
  filter: { statuses: [], labelId: null, labelDocumentIds: null, sort: 'imported' },
};

export function documentsActions(store: StoreCore, changes: AnnotationChangeActions) {
  /** The document last asked for: quick J J steps two documents, and a slow answer never replaces a newer one. */
  let requestedDocumentId: string | null = null;

  return {
    currentDocumentId(): string | null {
      return requestedDocumentId ?? store.getState().open?.document.id ?? null;
    },

    async openDocument(id: string): Promise<void> {
      requestedDocumentId = id;
      const opened = await store.call('documents:open', { id });
      if (!opened || requestedDocumentId !== id) return;
      store.set({
        open: {
          document: opened.document,
          meta: opened.meta,
          annotations: sortAnnotations(opened.annotations),
          relations: opened.relations,
        },
        selection: null,
        selectedAnnotationId: null,
        linkFrom: null,
      });
      const skipped = opened.skippedAnnotations ?? 0;
      if (skipped > 0) {
        store.set({
          notice: saidNotice(
            'error',
            said('common', 'notice.outsideText', { count: skipped, title: opened.document.title }),
          ),
        });
      }
    },

    async refreshDocuments(): Promise<void> {
      const documents = await store.call('documents:list', {});
      if (documents) store.set({ documents });
    },

    /** An undoable change like any other: the save indicator says what it did, Ctrl+Z takes it back. */
    async setStatus(status: DocumentStatus): Promise<void> {
      const open = store.getState().open;
      if (!open) return;
      await changes.mutate('documents:set-status', { id: open.document.id, status }, undefined, () =>
        i18n.t(`statusMarked.${status}`, { ns: 'common' }),
      );
    },

    /** The document panel's edit: undoable, and named on the save indicator like every other change. */
    async setMeta(meta: DocumentMetaFields): Promise<void> {
      const open = store.getState().open;
      if (!open) return;
      await changes.mutate('documents:set-meta', { id: open.document.id, meta }, undefined, () =>
        i18n.t('provenance:saved'),
      );
    },
  };
}

export type DocumentsActions = ReturnType<typeof documentsActions>;
