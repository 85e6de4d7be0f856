/**
 * The Electron shell, kept thin: a hardened window, native dialogs and menu, and the contract's handlers
 * registered on ipcMain. Everything it calls is plain Node code shared with the browser host and the CLI.
 */
import { app, BrowserWindow, ipcMain } from 'electron';
import { CHANNELS } from '@shared/contract';
import { resolveLanguage } from '@shared/language';
import { AppSession } from '../core/session/session';
import { nativeDialogs } from './dialogs';
import { installMenu } from './menu';
import { isTrustedSender } from './hardening';
import { createMainWindow, hardenApp, hardenSession, rendererUrl } from './window';
import { dispatch } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers';
import { samplesDirIn } from '../core/project/sampleProject';

let mainWindow: BrowserWindow | undefined;
const currentWindow = () => mainWindow;

// Tests and portable setups keep settings in a folder of their choosing.
if (process.env.SPANLIGHT_DATA_DIR) app.setPath('userData', process.env.SPANLIGHT_DATA_DIR);

hardenApp();

if (!app.requestSingleInstanceLock()) {
  // One app instance per user: a second launch focuses the first instead of opening the project twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const session = new AppSession(
      'electron',
      app.getPath('userData'),
      nativeDialogs(currentWindow),
      samplesDirIn(app.getAppPath()),
    );
    session.restoreLastProject();
    const handlers = createHandlers(session);
    const ownPage = rendererUrl();
    // The native menu speaks the interface's language, and follows it when the user switches.
    const installLocalMenu = () =>
      installMenu(
        currentWindow,
        resolveLanguage(session.settings.get().language, app.getPreferredSystemLanguages()),
      );
    for (const channel of CHANNELS) {
      ipcMain.handle(channel, async (event, payload: unknown) => {
        if (!isTrustedSender(event.senderFrame?.url, ownPage))
          return {
            ok: false,
            error: { code: 'unsupported', message: 'Only the Spanlight window may call Spanlight' },
          };
        const result = await dispatch(handlers, channel, payload);
        if (channel === 'settings:set-language' && result.ok) installLocalMenu();
        return result;
      });
    }
    hardenSession();
    installLocalMenu();
    mainWindow = createMainWindow();
    app.on('before-quit', () => session.close());
  });

  app.on('window-all-closed', () => app.quit());
}
