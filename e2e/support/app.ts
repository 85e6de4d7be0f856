/**
 * The app under test, started fresh for each test with its own data directory and project file. The same
 * specs run against the browser host (default) or Electron (SPANLIGHT_E2E_ELECTRON=1).
 */
import { test as base, _electron as electron, chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(import.meta.dirname, '../..');
/**
 * The suite runs in English whatever the machine's language: the interface follows the system locale, and
 * the tests find controls by their English names (a test that wants Arabic switches the language itself).
 */
export const E2E_LOCALE = 'en-US';
/** The sample articles the project ships (resources/samples): the tests need nothing beside the clone. */
export const SAMPLES = resolve(ROOT, 'resources/samples/articles');
const CHROMIUM = process.env.SPANLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const USE_ELECTRON = process.env.SPANLIGHT_E2E_ELECTRON === '1';

export interface HostHandle {
  /** The launch address: it opens a session for the first browser context that loads it, once. */
  url: string;
  port: number;
  process: ChildProcess;
}

/** Starts `node out/main/host.js --no-browser` and waits for the line that gives its address. */
export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<HostHandle> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/host.js'), '--no-browser', '--data-dir', dataDir, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      if (!line.startsWith('SPANLIGHT_HOST ')) return;
      const info = JSON.parse(line.slice('SPANLIGHT_HOST '.length)) as Omit<HostHandle, 'process'>;
      resolvePromise({ ...info, process: child });
    });
  });
}

export interface AppFixture {
  page: Page;
  dataDir: string;
  /** The project file every test creates in its data directory. */
  projectPath: string;
  host: HostHandle | null;
}

export const test = base.extend<{ app: AppFixture }>({
  // Playwright reads a fixture's dependencies from its first parameter's destructuring, so it must be a pattern.
  // eslint-disable-next-line no-empty-pattern -- this fixture depends on no other
  app: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'spanlight-e2e-'));
    const projectPath = join(dataDir, 'test.spanlight');
    if (USE_ELECTRON) {
      const app = await electron.launch({
        args: [ROOT, `--lang=${E2E_LOCALE}`],
        env: { ...process.env, SPANLIGHT_DATA_DIR: dataDir },
      });
      const page = await app.firstWindow();
      await use({ page, dataDir, projectPath, host: null });
      await app.close();
    } else {
      const host = await startHost(dataDir);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
      const context = await browser.newContext({
        acceptDownloads: true,
        viewport: { width: 1400, height: 900 },
        locale: E2E_LOCALE,
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      await page.goto(host.url);
      await use({ page, dataDir, projectPath, host });
      await browser.close();
      host.process.kill('SIGTERM');
    }
    if (testInfo.status === testInfo.expectedStatus) rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
