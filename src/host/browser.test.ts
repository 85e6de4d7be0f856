/**
 * Regression: the launched browser's argv held the API token (`--app=http://127.0.0.1:PORT/#token=…`), and
 * /proc/<pid>/cmdline is readable by every local user. What the argv holds now must open nothing once the
 * window has loaded it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppSession } from '../core/session/session';
import { createHandlers } from '../core/api/handlers';
import { useTempDirs } from '../../test/support/fixtures';
import { sendToHost } from '../../test/support/hostRequests';
import { browserArguments } from './browser';
import { startHost, type RunningHost } from './server';

const temp = useTempDirs();
let host: RunningHost;
let session: AppSession;

beforeAll(async () => {
  const dir = temp.make();
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>Spanlight</title>');
  session = new AppSession('browser', join(dir, 'data'));
  host = await startHost({ session, handlers: createHandlers(session), staticDir: join(dir, 'static') });
});

afterAll(async () => {
  host.server.closeAllConnections();
  await host.close();
  session.close();
});

/** Every value another user could lift from the argv: each argument, and each parameter of the address. */
function liftableValues(argv: string[]): string[] {
  const values = new Set<string>();
  for (const arg of argv) {
    values.add(arg);
    const value = arg.slice(arg.indexOf('=') + 1);
    values.add(value);
    if (!value.startsWith('http')) continue;
    const url = new URL(value);
    for (const params of [url.searchParams, new URLSearchParams(url.hash.slice(1))])
      for (const v of params.values()) values.add(v);
  }
  return [...values].filter(Boolean);
}

describe('the launched browser', () => {
  it('regression: its argv holds no reusable credential; the address in it is dead after the first load', async () => {
    const argv = browserArguments(host.url, '/tmp/profile', false);
    const app = argv.find((arg) => arg.startsWith('--app='))!.slice('--app='.length);
    const { pathname, search } = new URL(app);
    const asLoaded = pathname + search; // what a browser requests: the fragment stays in the browser
    const noCookie = { port: host.port, cookie: '' };

    // The window's first load opens its session.
    const first = await sendToHost(noCookie, asLoaded, { method: 'GET' });
    expect(first.status).toBe(303);
    const cookie = first.headers['set-cookie']?.[0]?.split(';')[0];
    expect(cookie).toBeDefined();
    expect(
      (await sendToHost({ port: host.port, cookie: cookie! }, '/api/app:info', { body: '{}' })).status,
    ).toBe(200);

    // Someone who read the argv afterwards gets nothing from the address...
    const replay = await sendToHost(noCookie, asLoaded, { method: 'GET' });
    expect(replay.status).toBe(403);
    expect(replay.headers['set-cookie']).toBeUndefined();
    // ...nor from any piece of it, however presented: as the session cookie, a token header or parameter.
    const cookieName = cookie!.split('=')[0];
    for (const value of liftableValues(argv)) {
      for (const attempt of [
        { headers: { cookie: `${cookieName}=${value}` } },
        { headers: { 'x-spanlight-token': value } },
        { headers: { authorization: `Bearer ${value}` } },
      ]) {
        const reply = await sendToHost(noCookie, '/api/app:info', { body: '{}', ...attempt });
        expect(reply.status, `${JSON.stringify(attempt)}`).toBe(401);
      }
      const download = await sendToHost(
        noCookie,
        `/download/export?format=jsonl&token=${encodeURIComponent(value)}`,
        { method: 'GET' },
      );
      expect(download.status, value).toBe(401);
    }
  });
});
