/** Moving through annotations and documents from the keyboard, and the document list's filter and order. */
import type { DocumentStatus, DocumentSummary } from '@shared/model';
import { compareNaturally, sortNaturally } from '@shared/naturalOrder';
import type { DocumentFilter } from '../slices/documents';
import type { AppState, AppStore } from '../store';
import { actingLayer, layerShown } from '../slices/layers';
import { said } from '../../i18n/said';
import { saidNotice } from '../slices/ui';

const STATUS_ORDER: DocumentStatus[] = ['in_progress', 'todo', 'done', 'skipped'];

/** Sorted by a value some documents lack: those without it last, in the order they came (a stable sort). */
function sortKnownFirst(
  documents: DocumentSummary[],
  valueOf: (d: DocumentSummary) => string | null,
  compare: (a: string, b: string) => number,
): DocumentSummary[] {
  return [...documents].sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return compare(x, y);
  });
}

/** The documents the list shows, filtered and sorted as the user chose. */
export function visibleDocuments(documents: DocumentSummary[], filter: DocumentFilter): DocumentSummary[] {
  let shown = documents;
  if (filter.statuses.length > 0) shown = shown.filter((d) => filter.statuses.includes(d.status));
  if (filter.labelDocumentIds) shown = shown.filter((d) => filter.labelDocumentIds!.has(d.id));
  switch (filter.sort) {
    case 'file':
      return sortNaturally(shown, (d) => d.fileName);
    case 'title':
      return [...shown].sort((a, b) => compareNaturally(a.title, b.title));
    case 'annotations':
      return [...shown].sort((a, b) => b.annotationCount - a.annotationCount);
    case 'status':
      return [...shown].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
    case 'outlet':
      return sortKnownFirst(shown, (d) => d.outlet, compareNaturally);
    case 'published':
      // ISO 8601 strings of one shape sort as their dates do; a date without a time comes before that day's times.
      return sortKnownFirst(
        shown,
        (d) => d.published,
        (a, b) => (a < b ? -1 : a > b ? 1 : 0),
      );
    default:
      return shown;
  }
}

/** Selects the next (or previous) annotation in text order, wrapping around, and brings it into view. */
export function stepAnnotation(store: AppStore, direction: 1 | -1): void {
  const state = store.getState();
  const { open, selectedAnnotationId } = state;
  if (!open) return;
  // Only the layers that show: a hidden layer's span cannot be selected by stepping onto it.
  const acting = actingLayer(state);
  const annotations = open.annotations.filter((a) => layerShown(acting, state.shownLayers, a));
  if (annotations.length === 0) return;
  const count = annotations.length;
  const current = annotations.findIndex((a) => a.id === selectedAnnotationId);
  const next = current === -1 ? (direction === 1 ? 0 : count - 1) : (current + direction + count) % count;
  store.selectAnnotation(annotations[next]!.id, true);
}

function shownDocuments(state: AppState): DocumentSummary[] {
  return visibleDocuments(state.documents, state.filter);
}

export async function stepDocument(store: AppStore, direction: 1 | -1): Promise<void> {
  const shown = shownDocuments(store.getState());
  const current = shown.findIndex((d) => d.id === store.currentDocumentId());
  const next = shown[current + direction];
  if (next) await store.openDocument(next.id);
}

/** Opens the next document, after the open one in list order, that is neither done nor skipped. */
export async function nextUnfinished(store: AppStore): Promise<void> {
  const shown = shownDocuments(store.getState());
  const current = shown.findIndex((d) => d.id === store.currentDocumentId());
  const ordered = [...shown.slice(current + 1), ...shown.slice(0, Math.max(current, 0))];
  const next = ordered.find((d) => d.status === 'todo' || d.status === 'in_progress');
  if (next) await store.openDocument(next.id);
  else store.showNotice(saidNotice('info', said('common', 'notice.allFinished')));
}

export async function setFilter(
  store: AppStore,
  patch: Partial<Omit<DocumentFilter, 'labelDocumentIds'>>,
): Promise<void> {
  const filter = { ...store.getState().filter, ...patch };
  let labelDocumentIds = filter.labelId === store.getState().filter.labelId ? filter.labelDocumentIds : null;
  if (filter.labelId && !labelDocumentIds) {
    const ids = await store.call('documents:ids-with-label', { labelId: filter.labelId });
    labelDocumentIds = new Set(ids ?? []);
  }
  store.set({ filter: { ...filter, labelDocumentIds: filter.labelId ? labelDocumentIds : null } });
}
