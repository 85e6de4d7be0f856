/**
 * Finds a Chromium-family browser and opens the app in it as an app window (`--app=`), with a profile of its
 * own so it never mixes with the user's browsing, and none of the background traffic a closed network refuses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import browsers from './browsers.json';

const CANDIDATES: readonly string[] = browsers.candidates;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SPANLIGHT_BROWSER) return isExecutable(env.SPANLIGHT_BROWSER) ? env.SPANLIGHT_BROWSER : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CANDIDATES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

export function browserArguments(url: string, profileDir: string, runningAsRoot: boolean): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--window-size=1400,900',
    // Chromium refuses to start as root with its sandbox; the page it shows is our own local app.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}

export function openAppWindow(browser: string, url: string, profileDir: string): ChildProcess {
  const runningAsRoot = process.getuid?.() === 0;
  return spawn(browser, browserArguments(url, profileDir, runningAsRoot), { stdio: 'ignore' });
}
