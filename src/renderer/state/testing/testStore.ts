/** A store over the fake API, and the steps most store tests start from. */
import type { DocumentSummary, OpenedDocument } from '@shared/model';
import { createAppStore, type AppStore } from '../store';
import { FakeApi } from './fakeApi';

export function storeWithFakeApi(): { fake: FakeApi; store: AppStore } {
  const fake = new FakeApi();
  return { fake, store: createAppStore(fake.api) };
}

/** Lists `documents`, then opens `document`, answering as main would. */
export async function showDocument(
  fake: FakeApi,
  store: AppStore,
  documents: DocumentSummary[],
  document: OpenedDocument,
): Promise<void> {
  void store.refreshDocuments();
  await fake.next('documents:list').answer(documents);
  void store.openDocument(document.document.id);
  await fake.next('documents:open').answer(document);
}
