/**
 * Changes to the open document's annotations, links and status: sent to main, shown at once where a preview helps,
 * then reconciled by id with what main stored. The save indicator follows every change in flight.
 */
import type { RequestOf } from '@shared/contract';
import type { Result } from '@shared/errors';
import type { Annotation, AnnotationDelta, AttributeValues } from '@shared/model';
import { sortAnnotations } from '../annotationOrder';
import { SaveTracker } from '../saveTracker';
import type { StoreCore } from '../storeCore';
import { errorNotice } from './ui';
import { errorText } from '../../i18n/message';

/** Channels whose answer is an AnnotationDelta for the open document. */
export type MutatingChannel =
  | 'annotations:create'
  | 'annotations:relabel'
  | 'annotations:set-note'
  | 'annotations:set-attributes'
  | 'annotations:delete'
  | 'relations:create'
  | 'relations:delete'
  | 'documents:set-status'
  | 'documents:set-meta'
  | 'history:undo'
  | 'history:redo'
  | 'suggestions:accept'
  | 'suggestions:accept-all'
  | 'adjudicate:accept'
  | 'adjudicate:relabel'
  | 'adjudicate:set-extent'
  | 'adjudicate:reject';

/** A change to the annotations on screen, ahead of main's answer. */
export interface LocalChange {
  upserted: Annotation[];
  deletedIds: string[];
}

const PROVISIONAL_PREFIX = 'provisional-';
let provisionalCount = 0;

/** An annotation main has not stored yet has no id main knows, so it cannot be changed until it has. */
export function isProvisional(id: string): boolean {
  return id.startsWith(PROVISIONAL_PREFIX);
}

/** An annotation shown while main is saving it; replaced by the stored one when main answers. */
export function provisionalAnnotation(
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

/** Annotations without those `change` replaces or deletes, then with its new ones, in text order. */
function withChange(annotations: Annotation[], change: LocalChange): Annotation[] {
  const removed = new Set([...change.deletedIds, ...change.upserted.map((a) => a.id)]);
  return sortAnnotations([...annotations.filter((a) => !removed.has(a.id)), ...change.upserted]);
}

export function annotationChangeActions(store: StoreCore) {
  const saves = new SaveTracker();

  /** Changes the open document's annotations on screen only (a preview of a change main has not answered). */
  function applyLocal(change: LocalChange): void {
    const open = store.getState().open;
    if (!open) return;
    const documentId = open.document.id;
    const upserted = change.upserted.filter((a) => a.documentId === documentId);
    store.set({ open: { ...open, annotations: withChange(open.annotations, { ...change, upserted }) } });
  }

  function applyDelta(delta: AnnotationDelta): void {
    const { open, documents, selectedAnnotationId } = store.getState();
    const status = delta.status;
    // A provenance edit (or its undo) also changes what the list shows under the title.
    const listed = delta.meta
      ? { fileName: delta.meta.fileName, outlet: delta.meta.outlet, published: delta.meta.published }
      : {};
    const counted = documents.map((d) =>
      d.id === delta.documentId
        ? { ...d, ...listed, annotationCount: delta.annotationCount, status: status ?? d.status }
        : d,
    );
    if (!open || open.document.id !== delta.documentId) {
      store.set({ documents: counted });
      return;
    }
    const removedRelations = new Set([
      ...delta.deletedRelationIds,
      ...delta.upsertedRelations.map((r) => r.id),
    ]);
    store.set({
      documents: counted,
      open: {
        ...open,
        document: { ...open.document, status: status ?? open.document.status },
        meta: delta.meta ?? open.meta,
        annotations: withChange(open.annotations, delta),
        relations: [...open.relations.filter((r) => !removedRelations.has(r.id)), ...delta.upsertedRelations],
      },
      selectedAnnotationId:
        selectedAnnotationId && delta.deletedIds.includes(selectedAnnotationId) ? null : selectedAnnotationId,
    });
  }

  return {
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
      store.set({ save: saves.started() });
      if (optimistic) applyLocal(optimistic.apply);
      // A transport that throws instead of answering an error must still settle the count of changes in
      // flight, or the indicator would never say Saved again.
      const result = await store.api[channel](request).catch((error: unknown): Result<never> => ({
        ok: false,
        error: { code: 'internal', message: String(error) },
      }));
      // What was shown ahead of the answer gives way to the answer (or to the state before, on failure).
      if (optimistic) applyLocal(optimistic.revert);
      if (!result.ok) {
        store.set({ save: saves.failed(errorText(result.error)), notice: errorNotice(result.error) });
        return undefined;
      }
      const delta = result.value as AnnotationDelta;
      applyDelta(delta);
      store.set({ save: saves.committed(delta.savedAt, describe?.(delta) ?? null) });
      return delta;
    },
  };
}

export type AnnotationChangeActions = ReturnType<typeof annotationChangeActions>;
