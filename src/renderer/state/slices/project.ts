/** The open project: what main says about the app and the project, and the project's labels. */
import type { AppInfo, Label, LanguageChoice, ThemeChoice } from '@shared/model';
import type { StoreCore } from '../storeCore';
import type { DocumentsActions } from './documents';
import type { UiActions } from './ui';
import { said } from '../../i18n/said';
import { saidNotice } from './ui';

export interface ProjectState {
  info: AppInfo | null;
  labels: Label[];
}

export const initialProjectState: ProjectState = { info: null, labels: [] };

export function projectActions(
  store: StoreCore,
  documents: Pick<DocumentsActions, 'currentDocumentId' | 'openDocument'>,
  ui: Pick<UiActions, 'restoreScroll'>,
) {
  async function loadProjectData(): Promise<void> {
    const askedBefore = documents.currentDocumentId();
    const [labels, list, place] = await Promise.all([
      store.call('labels:list', {}),
      store.call('documents:list', {}),
      store.call('place:get', {}),
    ]);
    store.set({ labels: labels ?? [], documents: list ?? [], selection: null, selectedAnnotationId: null });
    // A document the user opened while this was loading stays; otherwise the one open before, else where the
    // user was when the window last closed (scrolled back there), else the first.
    if (documents.currentDocumentId() !== askedBefore) return;
    const previous = list?.find((d) => d.id === store.getState().open?.document.id);
    const wasAt = previous ? undefined : list?.find((d) => d.id === place?.documentId);
    const next = previous ?? wasAt ?? list?.[0];
    if (!next) return store.set({ open: null });
    await documents.openDocument(next.id);
    if (wasAt && place && store.getState().open?.document.id === wasAt.id) ui.restoreScroll(place.offset);
  }

  async function load(): Promise<void> {
    const info = await store.call('app:info', {});
    if (!info) return;
    store.set({ info });
    if (info.project?.readOnly) {
      store.set({
        notice: saidNotice('info', said('common', 'notice.readOnly', { name: info.project.name })),
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

    async openSampleProject(): Promise<void> {
      if (await store.call('project:open-sample', {})) await load();
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

    /** Shown at once; kept in the user's settings (a failure says so, and the choice lasts this session). */
    async setTheme(theme: ThemeChoice): Promise<void> {
      const info = store.getState().info;
      if (!info) return;
      store.set({ info: { ...info, theme } });
      await store.call('settings:set-theme', { theme });
    },

    /** The interface language, like the theme: shown at once, kept in the user's settings. */
    async setLanguage(language: LanguageChoice): Promise<void> {
      const info = store.getState().info;
      if (!info) return;
      store.set({ info: { ...info, language } });
      await store.call('settings:set-language', { language });
    },

    async setAnnotator(name: string): Promise<void> {
      const project = await store.call('project:set-annotator', { name });
      const info = store.getState().info;
      if (project && info) store.set({ info: { ...info, project } });
    },
  };
}

export type ProjectActions = ReturnType<typeof projectActions>;
