/**
 * Entry of the browser host: `node out/main/host.js [--project FILE] [--data-dir DIR] [--port N] [--no-browser]`.
 * Serves the app on 127.0.0.1 and opens it in a Chromium app window; stops when that window closes.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppSession } from '../core/session/session';
import { defaultDataDir } from '../core/session/dataDir';
import { createHandlers } from '../core/api/handlers';
import { samplesDirIn } from '../core/project/sampleProject';
import { findBrowser, openAppWindow } from './browser';
import { startHost } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      project: { type: 'string' },
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-browser': { type: 'boolean', default: false },
    },
  });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  // out/main/host.js: the app's root, with resources/samples, is two folders up (as from src/host).
  const session = new AppSession('browser', dataDir, null, samplesDirIn(join(import.meta.dirname, '../..')));
  if (values.project) session.openProject(values.project);
  else session.restoreLastProject();

  const host = await startHost({
    session,
    handlers: createHandlers(session),
    staticDir: join(import.meta.dirname, '../renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  const shutdown = async () => {
    await host.close();
    session.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // A machine-readable line first: the e2e tests and scripts read the address from it. It holds no lasting
  // credential: the address works once, within a minute, and opens the session for the browser that loads it.
  console.log(`SPANLIGHT_HOST ${JSON.stringify({ url: host.url, port: host.port })}`);
  if (values['no-browser']) {
    console.log(`Spanlight is served at ${host.url} (open it once, within a minute)`);
    return;
  }
  const browser = findBrowser();
  if (!browser) {
    const install = `${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y chromium`;
    console.log(
      `No Chromium or Chrome found: install one (\`${install}\`) or set SPANLIGHT_BROWSER; meanwhile open ${host.url} in a browser.`,
    );
    return;
  }
  const child = openAppWindow(browser, host.url, join(dataDir, 'browser-profile'));
  child.on('exit', () => void shutdown());
}

main().catch((error) => {
  console.error(`spanlight host: ${(error as Error).message}`);
  process.exit(1);
});
