/** The open project: what main says about the app and the project, and the project's labels. */
import type { AppInfo, Label } from '@shared/model';
import type { StoreCore } from '../storeCore';
import type { DocumentsActions } from './documents';

export interface ProjectState {
  info: AppInfo | null;
  labels: Label[];
}

export const initialProjectState: ProjectState = { info: null, labels: [] };

export function projectActions(
  store: StoreCore,
  documents: Pick<DocumentsActions, 'currentDocumentId' | 'openDocument'>,
) {
  async function loadProjectData(): Promise<void> {
    const askedBefore = documents.currentDocumentId();
    const [labels, list] = await Promise.all([
      store.call('labels:list', {}),
      store.call('documents:list', {}),
    ]);
    store.set({ labels: labels ?? [], documents: list ?? [], selection: null, selectedAnnotationId: null });
    // A document the user opened while this was loading stays; otherwise the one open before, or the first.
    if (documents.currentDocumentId() !== askedBefore) return;
    const previous = list?.find((d) => d.id === store.getState().open?.document.id);
    const next = previous ?? list?.[0];
    if (next) await documents.openDocument(next.id);
    else store.set({ open: null });
  }

  async function load(): Promise<void> {
    const info = await store.call('app:info', {});
    if (!info) return;
    store.set({ info });
    if (info.project?.readOnly) {
      store.set({
        notice: {
          kind: 'info',
          text: `${info.project.name} is read-only: you can read, search and export it, but changes cannot be saved. To work on it, save a copy (File → Save a copy…) or make the file writable and open it again.`,
          details: [],
        },
      });
    }
    if (info.project) await loadProjectData();
  }

  return {
    load,

    async createProject(path: string): Promise<void> {
      if (await store.call('project:create', { path })) await load();
    },

    async openProject(path: string): Promise<void> {
      if (await store.call('project:open', { path })) await load();
    },

    async chooseProject(mode: 'open' | 'create'): Promise<void> {
      if (await store.call('project:choose', { mode })) await load();
    },

    /** Back to the project picker; the open project stays open in main until another replaces it. */
    showProjectPicker(): void {
      const info = store.getState().info;
      if (info)
        store.set({
          info: { ...info, project: null },
          open: null,
          selection: null,
          selectedAnnotationId: null,
        });
    },

    async setAnnotator(name: string): Promise<void> {
      const project = await store.call('project:set-annotator', { name });
      const info = store.getState().info;
      if (project && info) store.set({ info: { ...info, project } });
    },
  };
}

export type ProjectActions = ReturnType<typeof projectActions>;
