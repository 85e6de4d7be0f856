/**
 * The Electron shell's settings as the shell really applies them: window.ts runs against a stand-in for the
 * `electron` module (the binary is absent on CI), which records every window option and handler.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  class FakeContents {
    readonly listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(name: string, listener: (event: { preventDefault(): void }) => void) {
      this.listeners.set(name, listener);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  const windows: Array<{ options: Record<string, unknown> }> = [];
  class FakeBrowserWindow {
    readonly webContents = new FakeContents();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    show() {}
    loadURL() {
      return Promise.resolve();
    }
    loadFile() {
      return Promise.resolve();
    }
  }
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  return {
    FakeContents,
    windows,
    handlers,
    app: { enableSandbox: vi.fn(), on: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    session: {
      defaultSession: Object.fromEntries(
        ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler'].map(
          (name) => [name, (handler: (...args: never[]) => unknown) => (handlers[name] = handler)],
        ),
      ),
    },
    BrowserWindow: FakeBrowserWindow,
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  shell: electron.shell,
  session: electron.session,
  BrowserWindow: electron.BrowserWindow,
}));

const { createMainWindow, hardenApp, hardenContents, hardenSession } = await import('./window');

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('the main window', () => {
  it('isolates and sandboxes the renderer, with no Node, no webviews and only the preload as a bridge', () => {
    createMainWindow();
    const { webPreferences } = electron.windows.at(-1)!.options as {
      webPreferences: Record<string, unknown>;
    };
    expect(webPreferences).toEqual({
      preload: expect.stringMatching(/preload[/\\]index\.cjs$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
  });
});

describe('every web contents', () => {
  function hardened() {
    const contents = new electron.FakeContents();
    hardenContents(contents as never);
    return contents;
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('refuses %s', (name) => {
    const event = { preventDefault: vi.fn() };
    hardened().listeners.get(name)!(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('opens no window; sends plain http(s) links, and only those, to the user browser', () => {
    const contents = hardened();
    for (const url of [
      'https://example.org/a',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://u:p@example.org',
    ]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://example.org/a']]);
  });

  it('is hardened as it is created, whatever creates it, with every renderer sandboxed', () => {
    hardenApp();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    const [name, onCreated] = electron.app.on.mock.calls.at(-1) as unknown as [
      string,
      (event: unknown, contents: unknown) => void,
    ];
    expect(name).toBe('web-contents-created');
    const contents = new electron.FakeContents();
    onCreated(new EventEmitter(), contents);
    expect([...contents.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});

describe('the session', () => {
  it('refuses every permission request and check, devices included', () => {
    hardenSession();
    const granted: boolean[] = [];
    (electron.handlers.setPermissionRequestHandler as (...args: unknown[]) => void)(
      null,
      'media',
      (answer: boolean) => granted.push(answer),
    );
    (electron.handlers.setPermissionRequestHandler as (...args: unknown[]) => void)(
      null,
      'notifications',
      (answer: boolean) => granted.push(answer),
    );
    expect(granted).toEqual([false, false]);
    expect((electron.handlers.setPermissionCheckHandler as () => boolean)()).toBe(false);
    expect((electron.handlers.setDevicePermissionHandler as () => boolean)()).toBe(false);
  });
});
