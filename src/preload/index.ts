/**
 * Exposes one named function per contract channel, and the menu events, to the sandboxed renderer. The raw
 * ipcRenderer never crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNELS, type SpanlightApi } from '@shared/contract';
import { EVENTS, MENU_COMMANDS, type MenuCommand } from '@shared/menu';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as SpanlightApi;

contextBridge.exposeInMainWorld(API_GLOBAL, {
  api,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: unknown, command: MenuCommand) => {
      if (MENU_COMMANDS.includes(command)) listener(command);
    };
    ipcRenderer.on(EVENTS.menuCommand, handler);
    return () => ipcRenderer.removeListener(EVENTS.menuCommand, handler);
  },
});
