import { Menu, type BrowserWindow } from 'electron';
import { EVENTS, type MenuCommand } from '@shared/menu';

function item(
  label: string,
  command: MenuCommand,
  window: () => BrowserWindow | undefined,
  accelerator?: string,
) {
  return { label, accelerator, click: () => window()?.webContents.send(EVENTS.menuCommand, command) };
}

/** The File menu asks the renderer to run the same actions as its own buttons, so both paths are one. */
export function installMenu(window: () => BrowserWindow | undefined): void {
  const menu = Menu.buildFromTemplate([
    {
      label: 'File',
      submenu: [
        item('New Project…', 'new-project', window, 'CmdOrCtrl+N'),
        item('Open Project…', 'open-project', window, 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('Import Files…', 'import-files', window, 'CmdOrCtrl+I'),
        item('Import Folder…', 'import-folder', window),
        item('Merge Annotations…', 'merge-annotations', window),
        { type: 'separator' },
        item('Export…', 'export-dataset', window, 'CmdOrCtrl+Shift+E'),
        item('Export JSONL…', 'export-jsonl', window, 'CmdOrCtrl+E'),
        item('Export CSV…', 'export-csv', window),
        { type: 'separator' },
        item('Labels…', 'labels', window),
        item('Claim Board…', 'claim-board', window),
        item('Backups…', 'backups', window),
        item('Save a Copy…', 'save-copy', window),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
  ]);
  Menu.setApplicationMenu(menu);
}
