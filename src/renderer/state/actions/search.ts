import type { AnnotationSearchHit, DocumentSearchHit } from '@shared/model';
import type { AppStore } from '../store';

/** Opens a document at a search hit: the hit's text becomes the selection, ready to tag. */
export async function openDocumentHit(store: AppStore, hit: DocumentSearchHit): Promise<void> {
  await store.openDocument(hit.documentId);
  const serial = (store.getState().revealRequest?.serial ?? 0) + 1;
  store.set({ dialog: null, revealRequest: { start: hit.start, end: hit.end, serial } });
}

export async function openAnnotationHit(store: AppStore, hit: AnnotationSearchHit): Promise<void> {
  if (store.getState().open?.document.id !== hit.annotation.documentId)
    await store.openDocument(hit.annotation.documentId);
  store.set({ dialog: null });
  store.selectAnnotation(hit.annotation.id, true);
}
