import { dialog, type BrowserWindow } from 'electron';
import { EXPORT_FORMAT_INFO, IMPORTABLE_EXTENSIONS } from '@shared/datasets';
import type { Dialogs } from '../core/session/session';

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
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportPaths(kind) {
      const options =
        kind === 'folder'
          ? { title: 'Import a folder', properties: ['openDirectory' as const, 'multiSelections' as const] }
          : {
              title: 'Import files',
              properties: ['openFile' as const, 'multiSelections' as const],
              filters: [
                {
                  name: 'Articles and datasets',
                  extensions: [...IMPORTABLE_EXTENSIONS],
                },
              ],
            };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    async chooseMergeSource() {
      const options = {
        title: 'Merge annotations from',
        filters: [PROJECT_FILTER, { name: 'Spanlight JSONL export', extensions: ['jsonl', 'ndjson'] }],
        properties: ['openFile' as const],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseCopyPath(suggestedName) {
      const options = {
        title: 'Save a copy of the project',
        defaultPath: suggestedName,
        filters: [PROJECT_FILTER],
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseExportPath(format, suggestedName) {
      const info = EXPORT_FORMAT_INFO[format];
      // A folder format (brat) is saved as a new folder of that name.
      const filters =
        info.layout === 'folder' ? [] : [{ name: info.title, extensions: [info.extension.slice(1)] }];
      const options = { title: `Export ${info.title}`, defaultPath: suggestedName, filters };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
