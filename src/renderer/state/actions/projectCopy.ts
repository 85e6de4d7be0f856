/** File → Save a copy…: the open project, with every saved change, to a new file the user names. */
import type { AppStore } from '../store';
import { said } from '../../i18n/said';
import { saidNotice } from '../slices/ui';

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
  store.showNotice(saidNotice('info', said('common', 'notice.copySaved', { path: saved.path })));
}
