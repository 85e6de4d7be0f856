import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP } from '@shared/contract';
import type { DocumentSummary, ImportReport, ProjectInfo } from '@shared/model';
import { AppSession } from '../core/session/session';
import { exportDataset } from '../core/export/exporter';
import { createHandlers } from '../core/api/handlers';
import { CollectingWritable, seedFiles, useTempDirs } from '../../test/support/fixtures';
import { sendToHost, type Reply, type RequestOptions } from '../../test/support/hostRequests';
import { startHost, type RunningHost } from './server';

const temp = useTempDirs();

let host: RunningHost;
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
});

afterAll(async () => {
  host.server.closeAllConnections();
  await host.close();
  session.close();
});

/** A request as the app's own page sends it, unless `options` says otherwise. */
const send = (path: string, options: RequestOptions = {}): Promise<Reply> => sendToHost(host, path, options);

async function call(
  channel: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const reply = await send(`${HTTP.apiPrefix}${channel}`, { body: JSON.stringify(payload) });
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
  return JSON.parse(reply.body);
}

describe('the listening socket', () => {
  it('is bound to 127.0.0.1 only, and the URL carries the token in its fragment', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4', port: host.port });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    // 24 random bytes in base64url.
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe('gatekeeping', () => {
  it('answers the API with the token', async () => {
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

  it('answers 401 without the token or with a wrong one', async () => {
    expect(
      (await send('/api/app:info', { headers: { [HTTP.tokenHeader]: undefined }, body: '{}' })).status,
    ).toBe(401);
    expect(
      (await send('/api/app:info', { headers: { [HTTP.tokenHeader]: 'x'.repeat(32) }, body: '{}' })).status,
    ).toBe(401);
  });

  it('answers 421 to a foreign Host, even with the token', async () => {
    const reply = await send('/api/app:info', { headers: { host: `evil.example:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(421);
    expect(reply.body).not.toContain('"ok"');
  });

  it('answers 403 to a foreign Origin, even with the token', async () => {
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
      } satisfies ProjectInfo,
    });

    const files = [
      ...seedFiles()
        .slice(0, 2)
        .map((file) => ({ name: file.split('/').pop()!, base64: readFileSync(file).toString('base64') })),
      { name: 'binary.txt', base64: Buffer.from([1, 0, 2]).toString('base64') },
    ];
    const imported = await call('import:files', { files });
    expect(imported.ok).toBe(true);
    const report = imported.value as ImportReport;
    expect(report.imported.map((f) => f.fileName)).toEqual(files.slice(0, 2).map((f) => f.name));
    expect(report.rejected).toEqual([
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

    const download = await send(`${HTTP.exportPath}?format=jsonl&${HTTP.tokenParam}=${host.token}`, {
      method: 'GET',
      headers: { [HTTP.tokenHeader]: undefined },
    });
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

    const csv = await send(`${HTTP.exportPath}?format=csv&${HTTP.tokenParam}=${host.token}`, {
      method: 'GET',
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')).toHaveLength(3); // header, one span, and the empty tail
  });

  it('refuses an export without the token or with an unknown format', async () => {
    expect((await send(`${HTTP.exportPath}?format=jsonl`, { method: 'GET' })).status).toBe(401);
    expect(
      (await send(`${HTTP.exportPath}?format=xml&${HTTP.tokenParam}=${host.token}`, { method: 'GET' }))
        .status,
    ).toBe(400);
    expect(
      (await send(`${HTTP.exportPath}?format=jsonl&${HTTP.tokenParam}=${host.token}`, { method: 'POST' }))
        .status,
    ).toBe(405);
  });
});

describe('static files', () => {
  it('serves index.html at / and assets with their types', async () => {
    const index = await send('/', { method: 'GET', headers: { [HTTP.tokenHeader]: undefined } });
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
