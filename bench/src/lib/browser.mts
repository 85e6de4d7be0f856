/**
 * The pieces the browser suites share: Debian's Chromium through Playwright, the real browser host
 * (`node out/main/host.js --no-browser`, as the e2e tests start it), a static server for the peer page, and
 * the probe installed in every page.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { installProbe, type ProbeOptions } from '../page/probe.mts';

export const CHROMIUM = process.env.SPANLIGHT_CHROMIUM ?? '/usr/bin/chromium';
/** The e2e tests' window size: the workbench's three panes at their designed widths. */
export const VIEWPORT = { width: 1400, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context and page (own cache and storage, as a newly opened window), with the probe installed. */
export async function openPage(browser: Browser, probe: ProbeOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));
  await page.addInitScript(installProbe, probe);
  return page;
}

/** JS heap in use after a full garbage collection, in MB, and the DOM node count (Chromium's own counters). */
export async function heapAfterGc(page: Page): Promise<{ heapMB: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { heapMB: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes') };
}

/** Records a Chromium CPU profile of `page` until the returned function is called with a file to write. */
export async function startProfile(page: Page): Promise<(path: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (path) => {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(profile));
    await cdp.detach();
  };
}

export interface HostHandle {
  url: string;
  process: ChildProcess;
  /** Epoch milliseconds: when the process was spawned, and when it printed its address. */
  spawnedAt: number;
  readyAt: number;
  stop(): Promise<void>;
}

/**
 * Starts the browser host (`out/main/host.js` unless another build is given) on a project, and resolves when
 * it prints `SPANLIGHT_HOST {json}`.
 */
export function startHost(
  root: string,
  dataDir: string,
  project: string,
  host = join(root, 'out/main/host.js'),
): Promise<HostHandle> {
  const spawnedAt = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [host, '--no-browser', '--data-dir', dataDir, '--project', project], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  };
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      if (!line.startsWith('SPANLIGHT_HOST ')) return;
      const readyAt = performance.timeOrigin + performance.now();
      const { url } = JSON.parse(line.slice('SPANLIGHT_HOST '.length)) as { url: string };
      resolve({ url, process: child, spawnedAt, readyAt, stop });
    });
  });
}

/**
 * The host's launch address opens a session once (a cookie); a suite that loads the app in several fresh
 * contexts trades it here and gives each context the cookie, then loads `home`.
 */
export async function claimSession(
  url: string,
): Promise<{ home: string; cookie: { name: string; value: string; url: string } }> {
  const reply = await fetch(url, { redirect: 'manual' });
  const [pair] = reply.headers.getSetCookie();
  if (reply.status !== 303 || !pair) throw new Error(`The host opened no session: ${reply.status}`);
  const [name, value] = pair.split(';')[0]!.split('=') as [string, string];
  const home = new URL('/', url).href;
  return { home, cookie: { name, value, url: home } };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

/** Serves a built folder, plus documents held in memory, on 127.0.0.1 (a random port). */
export async function serveStatic(
  folder: string,
  extra: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^([/\\])+/,
      '',
    );
    const name = path === '' ? 'index.html' : path;
    let body: string | Buffer | undefined = extra[name];
    if (body === undefined && !name.startsWith('..')) {
      try {
        body = readFileSync(join(folder, name));
      } catch {
        body = undefined;
      }
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
