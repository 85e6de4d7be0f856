/**
 * The claim board's actions: read the board and the topic list, change the topics, open a row's span, and
 * hand the table on as a file. The board is read fresh each time the screen asks (it spans every document).
 */
import type { Board, BoardRow, BoardTableFormat } from '@shared/board';
import type { DocumentStatus } from '@shared/model';
import type { Topic } from '@shared/topics';
import type { AppStore } from '../store';

export interface BoardFilter {
  topic?: string;
  /** Only documents from this outlet ('' for documents without one). */
  outlet?: string;
  status?: DocumentStatus;
}

/** The documents a filter keeps, or undefined when it keeps them all. */
function documentIdsOf(store: AppStore, filter: BoardFilter): string[] | undefined {
  if (filter.outlet === undefined && filter.status === undefined) return undefined;
  return store
    .getState()
    .documents.filter(
      (d) =>
        (filter.outlet === undefined || (d.outlet ?? '') === filter.outlet) &&
        (filter.status === undefined || d.status === filter.status),
    )
    .map((d) => d.id);
}

function queryOf(store: AppStore, filter: BoardFilter) {
  return { topic: filter.topic, documentIds: documentIdsOf(store, filter) };
}

export async function loadBoard(store: AppStore, filter: BoardFilter): Promise<Board | undefined> {
  return store.call('board:get', queryOf(store, filter));
}

export async function loadTopics(store: AppStore): Promise<Topic[]> {
  return (await store.call('topics:list', {})) ?? [];
}

/** A topic renamed, deleted, or such a change undone, rewrites annotations: the open article shows them anew. */
async function refreshOpenDocument(store: AppStore): Promise<void> {
  const open = store.getState().open;
  if (open) await store.openDocument(open.document.id);
}

export const topicChanges = {
  create: (store: AppStore, name: string) => store.call('topics:create', { name }),
  rename: async (store: AppStore, id: string, name: string) => {
    const topics = await store.call('topics:rename', { id, name });
    await refreshOpenDocument(store);
    return topics;
  },
  move: (store: AppStore, topics: Topic[], index: number, by: -1 | 1) => {
    const ids = topics.map((t) => t.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    return store.call('topics:reorder', { ids });
  },
  remove: async (store: AppStore, id: string) => {
    const topics = await store.call('topics:delete', { id });
    await refreshOpenDocument(store);
    return topics;
  },
  step: async (store: AppStore, direction: 'undo' | 'redo') => {
    await store.call(direction === 'undo' ? 'topics:undo' : 'topics:redo', {});
    await refreshOpenDocument(store);
    return loadTopics(store);
  },
};

/** Opens a row's document and selects its span there, closing the board. */
export async function openBoardRow(store: AppStore, row: BoardRow): Promise<void> {
  if (store.getState().open?.document.id !== row.documentId) await store.openDocument(row.documentId);
  store.closeDialog();
  store.selectAnnotation(row.annotationId, true);
}

/** The table as the CLI writes it, for the same filter. */
export async function boardTableText(
  store: AppStore,
  filter: BoardFilter,
  format: BoardTableFormat,
): Promise<string | undefined> {
  return store.call('board:table', { ...queryOf(store, filter), format });
}
