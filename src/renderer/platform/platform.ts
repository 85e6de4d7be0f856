/**
 * What differs between the Electron shell and the browser host, seen from the renderer: how the contract is
 * carried (IPC or HTTP), the File menu events, and how an export reaches the disk. Everything else is shared.
 */
import { API_GLOBAL, type SpanlightApi } from '@shared/contract';
import type { MenuCommand } from '@shared/menu';
import { createHttpApi, exportDownloadUrl } from './httpTransport';

/** What the Electron preload puts on `window[API_GLOBAL]`. */
export interface PreloadBridge {
  api: SpanlightApi;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export interface Platform {
  kind: 'electron' | 'browser';
  api: SpanlightApi;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Browser host only: the address that streams export job `jobId` (started with destination `download`). */
  exportUrl(jobId: string): string;
}

function detectPlatform(): Platform {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[API_GLOBAL];
  if (bridge) {
    return {
      kind: 'electron',
      api: bridge.api,
      onMenuCommand: (listener) => bridge.onMenuCommand(listener),
      exportUrl: () => {
        throw new Error('The desktop app exports through a save dialog');
      },
    };
  }
  return {
    kind: 'browser',
    api: createHttpApi(),
    onMenuCommand: () => () => {},
    exportUrl: exportDownloadUrl,
  };
}

export const platform: Platform = detectPlatform();
