import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../app/session';

const PROJECT_FILTER = { name: 'Spanlight project', extensions: ['spanlight'] };

export function nativeDialogs(window: () => BrowserWindow | undefined): Dialogs {
  return {
    async chooseProjectPath(mode) {
      const parent = window();
      if (mode === 'create') {
        const result = parent
          ? await dialog.showSaveDialog(parent, { title: 'New project', filters: [PROJECT_FILTER] })
          : await dialog.showSaveDialog({ title: 'New project', filters: [PROJECT_FILTER] });
        return result.canceled || !result.filePath ? null : result.filePath;
      }
      const options = { title: 'Open project', filters: [PROJECT_FILTER], properties: ['openFile' as const] };
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportPaths(kind) {
      const options =
        kind === 'folder'
          ? { title: 'Import a folder', properties: ['openDirectory' as const, 'multiSelections' as const] }
          : {
              title: 'Import files',
              properties: ['openFile' as const, 'multiSelections' as const],
              filters: [{ name: 'Articles and datasets', extensions: ['txt', 'jsonl'] }],
            };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async chooseExportPath(format, suggestedName) {
      const options = { title: 'Export dataset', defaultPath: suggestedName, filters: [{ name: format.toUpperCase(), extensions: [format] }] };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
