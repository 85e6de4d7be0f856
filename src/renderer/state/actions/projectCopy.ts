/** File → Save a copy…: the open project, with every saved change, to a new file the user names. */
import { i18n } from '../../i18n/i18n';
import type { AppStore } from '../store';

/** A path beside the project: "thesis copy.spanlight" next to "thesis.spanlight". */
export function suggestedCopyPath(projectPath: string): string {
  return projectPath.replace(/(\.spanlight)?$/, ' copy.spanlight');
}

/** `path` null: the desktop app's native save dialog. Closes the dialog and says where the copy is. */
export async function saveProjectCopy(store: AppStore, path: string | null): Promise<void> {
  const saved =
    path === null
      ? await store.call('project:save-copy-choose', {})
      : await store.call('project:save-copy', { path });
  if (!saved) return;
  store.closeDialog();
  store.showNotice({
    kind: 'info',
    text: i18n.t('notice.copySaved', { ns: 'common', path: saved.path }),
    details: [],
  });
}
