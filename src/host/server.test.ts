import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP } from '@shared/contract';
import type { StartedJob } from '@shared/datasets';
import type { DocumentSummary, ProjectInfo } from '@shared/model';
import { AppSession } from '../core/session/session';
import { exportDataset } from '../core/export/exporter';
import { createHandlers } from '../core/api/handlers';
import { CollectingWritable, sampleArticles, useTempDirs } from '../../test/support/fixtures';
import {
  openSession,
  sendToHost,
  type HostSession,
  type Reply,
  type RequestOptions,
} from '../../test/support/hostRequests';
import { importAsJob, type CallChannel } from '../../test/support/importJob';
import { startHost, type RunningHost } from './server';
import { inEnglish } from '../../test/support/importProblems';

const temp = useTempDirs();

let host: RunningHost;
/** The session of the app's own page: the cookie the launch address gave. */
let page: HostSession;
let session: AppSession;
let workDir: string;
const INDEX_HTML = '<!doctype html><title>Spanlight</title>';

beforeAll(async () => {
  workDir = temp.make();
  // A file beside the static folder: path traversal must not reach it.
  writeFileSync(join(workDir, 'secret.txt'), 'do not serve');
  const staticDir = join(workDir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  session = new AppSession('browser', join(workDir, 'data'));
  host = await startHost({ session, handlers: createHandlers(session), staticDir });
  page = await openSession(host);
});

afterAll(async () => {
  host.server.closeAllConnections();
  await host.close();
  session.close();
});

/** A request as the app's own page sends it, unless `options` says otherwise. */
const send = (path: string, options: RequestOptions = {}): Promise<Reply> => sendToHost(page, path, options);

async function call(
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const reply = await send(`${HTTP.apiPrefix}${channel}`, { body: JSON.stringify(payload) });
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(reply.body);
}

/** Starts an export job for a browser download, as the renderer does, and answers the address that runs it. */
async function exportJobUrl(format: string): Promise<string> {
  const started = await call('jobs:start-export', { format, destination: 'download' });
  expect(started.ok).toBe(true);
  const { jobId } = started.value as StartedJob;
  return `${HTTP.exportPath}?${new URLSearchParams({ job: jobId })}`;
}

describe('the listening socket', () => {
  it('is bound to 127.0.0.1 only, and the URL carries a one-time launch nonce', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    // 24 random bytes in base64url, a new one each time.
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?launch=[A-Za-z0-9_-]{32}$`));
    expect(host.newLaunchUrl()).not.toBe(host.url);
  });
});

describe('the launch address and the session', () => {
  const cookieName = () => `spanlight-${host.port}`;
  const claim = (url: string, cookie?: string) => {
    const { pathname, search } = new URL(url);
    return send(pathname + search, { method: 'GET', headers: { cookie } });
  };

  it('trades a nonce once for an HttpOnly, SameSite=Strict, Path=/ session cookie, then refuses it', async () => {
    const url = host.newLaunchUrl();
    const first = await claim(url);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const [setCookie, ...more] = first.headers['set-cookie'] ?? [];
    expect(more).toEqual([]);
    const [pair, ...flags] = setCookie!.split(';').map((part) => part.trim());
    const [name, secret] = pair!.split('=');
    expect(name).toBe(cookieName());
    // 32 random bytes, and not the nonce: what the argv showed is not what opens the API.
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).not.toContain(secret);
    // No Max-Age or Expires (gone when the browser closes), no Domain (this host only).
    expect(flags.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    const withIt = { cookie: pair };
    expect((await send('/api/app:info', { headers: withIt })).status).toBe(200);

    // The same address again, from a browser without the session: refused, and no cookie given.
    const again = await claim(url);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('has been used or has expired');
    // From the tab that has it (the address reloaded before the redirect): it just goes on.
    const sameTab = await claim(url, pair);
    expect(sameTab.status).toBe(303);
    expect(sameTab.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a nonce it never gave', async () => {
    const made = new URL(host.newLaunchUrl());
    made.searchParams.set(HTTP.launchParam, 'A'.repeat(32));
    expect((await claim(made.href)).status).toBe(403);
    expect((await claim(`http://127.0.0.1:${host.port}/?${HTTP.launchParam}=`)).status).toBe(403);
  });

  it('refuses a late nonce', async () => {
    const late = await startHost({
      session,
      handlers: createHandlers(session),
      staticDir: join(workDir, 'static'),
      launchTtlMs: 50,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 120));
      const { pathname, search } = new URL(late.url);
      const reply = await sendToHost({ port: late.port, cookie: '' }, pathname + search, { method: 'GET' });
      expect(reply.status).toBe(403);
      expect(reply.headers['set-cookie']).toBeUndefined();
      // A fresh one in time still works.
      await expect(openSession({ port: late.port, url: late.newLaunchUrl() })).resolves.toMatchObject({
        port: late.port,
      });
    } finally {
      late.server.closeAllConnections();
      await late.close();
    }
  });

  it('refuses the page, the API and downloads without the cookie, or with a wrong one', async () => {
    const secret = page.cookie.split('=')[1]!;
    for (const cookie of [
      undefined,
      '',
      `${cookieName()}=${'x'.repeat(secret.length)}`,
      `${cookieName()}=${secret.slice(1)}`,
      `${cookieName()}=${secret}x`,
      // The right secret under another host's name, and a cookie of that name with no value.
      `spanlight-${host.port + 1}=${secret}`,
      `${cookieName()}`,
    ]) {
      const headers = { cookie };
      expect((await send('/api/app:info', { headers, body: '{}' })).status, String(cookie)).toBe(401);
      expect((await send('/', { method: 'GET', headers })).status, String(cookie)).toBe(401);
      expect((await send('/assets/app.js', { method: 'GET', headers })).status, String(cookie)).toBe(401);
      expect(
        (await send(`${HTTP.exportPath}?format=jsonl`, { method: 'GET', headers })).status,
        String(cookie),
      ).toBe(401);
    }
    // Among other cookies of the same site, the session is found.
    expect((await send('/', { method: 'GET', headers: { cookie: `a=b; ${page.cookie}; c=d` } })).status).toBe(
      200,
    );
  });

  it('a reload keeps working with the cookie; a second tab without it is refused', async () => {
    expect((await send('/', { method: 'GET' })).status).toBe(200);
    expect((await send('/', { method: 'GET' })).status).toBe(200);
    const secondTab = await send('/', { method: 'GET', headers: { cookie: undefined } });
    expect(secondTab.status).toBe(401);
    expect(secondTab.body).not.toContain(INDEX_HTML);
  });
});

describe('gatekeeping', () => {
  it('answers the API with the session cookie', async () => {
    const reply = await send('/api/app:info', { body: '{}' });
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result).toMatchObject({
      ok: true,
      value: { mode: 'browser', version: '0.1.0', project: null, recentProjects: [] },
    });
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('accepts an empty body as an empty payload, and its own Origin', async () => {
    const reply = await send('/api/app:info', {
      headers: { origin: `http://localhost:${host.port}`, host: `localhost:${host.port}` },
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body).ok).toBe(true);
  });

  it('answers 421 to a foreign Host, even with the session', async () => {
    const reply = await send('/api/app:info', { headers: { host: `evil.example:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain('"ok"');
  });

  it('answers 403 to a foreign Origin, even with the session', async () => {
    const reply = await send('/api/app:info', { headers: { origin: 'http://evil.example' }, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('answers 405, 415 and 400 to the wrong method, content type or body', async () => {
    expect((await send('/api/app:info', { method: 'GET' })).status).toBe(405);
    expect(
      (await send('/api/app:info', { headers: { 'content-type': 'text/plain' }, body: '{}' })).status,
    ).toBe(415);
    expect((await send('/api/app:info', { body: '{not json' })).status).toBe(400);
  });

  it('answers an unknown channel and an invalid payload with ok:false and a code', async () => {
    expect(await call('files:delete-all', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(await call('documents:open', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call('app:info', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call('documents:list', {})).toMatchObject({
      ok: false,
      error: { code: 'no_project', message: 'No project is open' },
    });
  });

  it("carries an error's message over HTTP, for the page to word in its language", async () => {
    expect(await call('documents:open', { id: 'nowhere' })).toEqual({
      ok: false,
      error: {
        code: 'no_project',
        message: 'No project is open',
        i18n: { ns: 'errors', key: 'project.none' },
      },
    });
    expect(await call('project:open', { path: join(workDir, 'missing.spanlight') })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: `${join(workDir, 'missing.spanlight')} does not exist`,
        i18n: { ns: 'errors', key: 'notFound.path', params: { path: join(workDir, 'missing.spanlight') } },
      },
    });
  });
});

describe('a project through HTTP', () => {
  it('creates a project, imports base64 files, lists the documents and downloads the export', async () => {
    const created = await call('project:create', { path: join(workDir, 'projects', 'via-http') });
    expect(created).toEqual({
      ok: true,
      value: {
        path: join(workDir, 'projects', 'via-http.spanlight'),
        name: 'via-http',
        documentCount: 0,
        annotator: null,
        readOnly: false,
      } satisfies ProjectInfo,
    });

    const files = [
      ...sampleArticles()
        .slice(0, 2)
        .map((file) => ({ name: file.split('/').pop()!, base64: readFileSync(file).toString('base64') })),
      { name: 'binary.txt', base64: Buffer.from([1, 0, 2]).toString('base64') },
    ];
    const report = await importAsJob(call as CallChannel, files);
    expect(report.imported.map((f) => f.fileName)).toEqual(files.slice(0, 2).map((f) => f.name));
    expect(inEnglish(report.rejected)).toEqual([
      { fileName: 'binary.txt', reason: 'it looks binary (a NUL byte at byte 1)' },
    ]);

    const listed = await call('documents:list', {});
    const documents = listed.value as DocumentSummary[];
    expect(documents.map((d) => d.id)).toEqual(report.imported.map((f) => f.documentId));
    expect(documents.map((d) => d.title)).toEqual(report.imported.map((f) => f.title));

    const first = documents[0]!;
    const annotated = await call('annotations:create', {
      documentId: first.id,
      start: 0,
      end: 5,
      labelId: 'claim',
    });
    expect(annotated).toMatchObject({ ok: true, value: { annotationCount: 1 } });
    // What an undo took back crosses the host as its English and as a message the page words itself.
    expect(await call('history:undo', { documentId: first.id })).toMatchObject({
      ok: true,
      value: {
        description: 'create claim',
        message: { ns: 'actions', key: 'create', params: { label: 'claim' } },
      },
    });
    expect(await call('history:redo', { documentId: first.id })).toMatchObject({
      ok: true,
      value: { annotationCount: 1, message: { ns: 'actions', key: 'create', params: { label: 'claim' } } },
    });

    const download = await send(await exportJobUrl('jsonl'), { method: 'GET' });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''via-http.jsonl");
    const expected = new CollectingWritable();
    await exportDataset(session.requireProject(), 'jsonl', expected);
    expect(download.body).toBe(expected.text);
    const lines = download.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(documents.map((d) => d.id));
    expect(lines[0].spans).toHaveLength(1);

    const csv = await send(await exportJobUrl('csv'), { method: 'GET' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')).toHaveLength(3); // header, one span, and the empty tail
  });

  it('refuses an export without the session, without a job, or for a job nobody started', async () => {
    const url = await exportJobUrl('jsonl');
    expect((await send(url, { method: 'GET', headers: { cookie: undefined } })).status).toBe(401);
    expect((await send(url, { method: 'POST' })).status).toBe(405);
    // There is no job-less download: the format alone is refused, and so is an unknown format in a job.
    expect((await send(`${HTTP.exportPath}?format=jsonl`, { method: 'GET' })).status).toBe(400);
    expect((await send(`${HTTP.exportPath}?job=nope`, { method: 'GET' })).status).toBe(404);
    expect(await call('jobs:start-export', { format: 'xml', destination: 'download' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    // The requests refused above did not use the job up: its download still runs.
    expect((await send(url, { method: 'GET' })).status).toBe(200);
  });
});

describe('static files', () => {
  it('serves index.html at / and assets with their types', async () => {
    const index = await send('/', { method: 'GET' });
    expect(index).toMatchObject({ status: 200, body: INDEX_HTML });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await send('/assets/app.js', { method: 'GET' });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the static folder and nothing it does not have', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/missing.html',
      '/assets',
    ]) {
      const reply = await send(path, { method: 'GET' });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    }
  });

  it('regression: a malformed percent escape in the path is a client error, and the host keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/api/app%']) {
      const reply = await send(path, { method: path.startsWith('/api/') ? 'POST' : 'GET', body: '{}' });
      expect(reply.status, path).toBe(400);
    }
    expect((await send('/', { method: 'GET' })).status).toBe(200);
  });

  it('refuses a foreign Host for static files too', async () => {
    expect((await send('/', { method: 'GET', headers: { host: 'evil.example' } })).status).toBe(421);
  });
});
