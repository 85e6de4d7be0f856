import { Menu, type BrowserWindow } from 'electron';
import { EVENTS, type MenuCommand } from '@shared/menu';
import type { InterfaceLanguage } from '@shared/language';
import { MENU_TEXT } from '@shared/menuText';

/**
 * The File menu asks the renderer to run the same actions as its own buttons, so both paths are one. Built
 * again in the new language when the user switches the interface's language.
 */
export function installMenu(
  window: () => BrowserWindow | undefined,
  language: InterfaceLanguage = 'en',
): void {
  const text = MENU_TEXT[language];
  const item = (command: MenuCommand, accelerator?: string) => ({
    label: text.items[command],
    accelerator,
    click: () => window()?.webContents.send(EVENTS.menuCommand, command),
  });
  const menu = Menu.buildFromTemplate([
    {
      label: text.file,
      submenu: [
        item('new-project', 'CmdOrCtrl+N'),
        item('open-project', 'CmdOrCtrl+O'),
        { type: 'separator' },
        item('import-files', 'CmdOrCtrl+I'),
        item('import-folder'),
        item('merge-annotations'),
        { type: 'separator' },
        item('export-dataset', 'CmdOrCtrl+Shift+E'),
        item('export-jsonl', 'CmdOrCtrl+E'),
        item('export-csv'),
        { type: 'separator' },
        item('labels'),
        item('claim-board'),
        item('backups'),
        item('save-copy'),
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
  ]);
  Menu.setApplicationMenu(menu);
}
