/** Link mode: pick a source annotation (L), then its target (click or Tab, then Enter), then the link type. */
import { DEFAULT_RELATION_TYPES, type Label } from '@shared/model';
import type { AppStore } from '../store';
import { refuseOtherLayer } from '../slices/layers';
import { said } from '../../i18n/said';
import { saidNotice } from '../slices/ui';

export function startLink(store: AppStore): void {
  const { selectedAnnotationId } = store.getState();
  if (!selectedAnnotationId) {
    store.showNotice(saidNotice('info', said('common', 'notice.selectFirst')));
    return;
  }
  const state = store.getState();
  const from = state.open?.annotations.find((a) => a.id === selectedAnnotationId);
  const label = state.labels.find((l) => l.id === from?.labelId);
  store.set({ linkFrom: selectedAnnotationId, linkType: defaultRelationType(label) });
}

export function cancelLink(store: AppStore): void {
  store.set({ linkFrom: null });
}

export function setLinkType(store: AppStore, linkType: string): void {
  store.set({ linkType });
}

/** The type a new link gets unless the user picks another: a denial denies, anything else supports. */
export function defaultRelationType(fromLabel: Label | undefined): string {
  return fromLabel?.name === 'denial' ? 'denies' : DEFAULT_RELATION_TYPES[1];
}

/** Links the link-mode source to the selected annotation. */
export async function completeLink(store: AppStore): Promise<void> {
  const { linkFrom, linkType, selectedAnnotationId } = store.getState();
  if (!linkFrom || !selectedAnnotationId || linkFrom === selectedAnnotationId) return;
  store.set({ linkFrom: null });
  if (refuseOtherLayer(store, linkFrom) || refuseOtherLayer(store, selectedAnnotationId)) return;
  await store.mutate('relations:create', { fromId: linkFrom, toId: selectedAnnotationId, type: linkType });
}

export async function deleteLink(store: AppStore, id: string): Promise<void> {
  const link = store.getState().open?.relations.find((r) => r.id === id);
  if (link && (refuseOtherLayer(store, link.fromId) || refuseOtherLayer(store, link.toId))) return;
  await store.mutate('relations:delete', { id });
}
