import type { AnnotationSearchHit, DocumentSearchHit } from '@shared/model';
import type { AppStore } from '../store';

/** Opens a document at a search hit: the hit's text becomes the selection, ready to tag. */
export async function openDocumentHit(store: AppStore, hit: DocumentSearchHit): Promise<void> {
  await store.openDocument(hit.documentId);
  store.reveal({ start: hit.start, end: hit.end });
}

export async function openAnnotationHit(store: AppStore, hit: AnnotationSearchHit): Promise<void> {
  if (store.getState().open?.document.id !== hit.annotation.documentId)
    await store.openDocument(hit.annotation.documentId);
  store.closeDialog();
  store.selectAnnotation(hit.annotation.id, true);
}
