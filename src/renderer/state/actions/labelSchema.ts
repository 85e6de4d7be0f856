/** Editing the project's labels; the annotations follow by id, so nothing else needs reloading. */
import type { RequestOf } from '@shared/contract';
import type { AppStore } from '../store';

async function reloadLabels(store: AppStore): Promise<void> {
  const labels = await store.call('labels:list', {});
  if (labels) store.set({ labels });
}

export async function createLabel(store: AppStore, fields: RequestOf<'labels:create'>): Promise<boolean> {
  const created = await store.call('labels:create', fields);
  if (created) await reloadLabels(store);
  return Boolean(created);
}

export async function updateLabel(store: AppStore, fields: RequestOf<'labels:update'>): Promise<boolean> {
  const updated = await store.call('labels:update', fields);
  if (updated) await reloadLabels(store);
  return Boolean(updated);
}

export async function moveLabel(store: AppStore, id: string, direction: -1 | 1): Promise<void> {
  const ids = store.getState().labels.map((l) => l.id);
  const at = ids.indexOf(id);
  const to = at + direction;
  if (at < 0 || to < 0 || to >= ids.length) return;
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  const labels = await store.call('labels:reorder', { ids });
  if (labels) store.set({ labels });
}

/** Deletes a label and its annotations; `expectedCount` is the count the user confirmed. */
export async function deleteLabel(store: AppStore, id: string, expectedCount: number): Promise<void> {
  const labels = await store.call('labels:delete', { id, expectedCount });
  if (!labels) return;
  store.set({ labels });
  const open = store.getState().open;
  await store.refreshDocuments();
  if (open) await store.openDocument(open.document.id);
}
