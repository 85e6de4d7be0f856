/**
 * The browser host's HTTP API under random and hostile requests: wrong session cookies, hosts, origins, methods and
 * content types, malformed and huge bodies, junk channel names, payloads of every wrong shape, out-of-range
 * offsets and unknown ids. Each request gets the answer the gatekeeping rules call for, a refusal is an
 * error value (never a crash, never `internal`), and afterwards the host still serves and the project's
 * data is exactly what it was. The IPC fuzz (ipc/dispatch.test.ts) covers what valid calls do.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, HTTP, LIMITS } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';
import { AppSession } from '../core/session/session';
import { createHandlers } from '../core/api/handlers';
import { addDocument, tableRows, useTempDirs } from '../../test/support/fixtures';
import {
  openSession,
  sendToHost,
  type HostSession,
  type Reply,
  type RequestOptions,
} from '../../test/support/hostRequests';
import { prng, randomTools } from '../../test/support/random';
import { startHost, type RunningHost } from './server';

const temp = useTempDirs();
const SEED = 20250101;
const RUNS = 2000;
/** What a refusal may say; `internal` means an exception nobody expected. */
const REFUSALS: ErrorCode[] = [
  'invalid_payload',
  'unknown_channel',
  'not_found',
  'invalid_input',
  'unsupported',
  'no_project',
  'not_a_project',
];

let host: RunningHost;
let page: HostSession;
let session: AppSession;
let documentId: string;
let annotationId: string;
let documentLength: number;

beforeAll(async () => {
  const dir = temp.make();
  session = new AppSession('browser', join(dir, 'data'));
  const project = session.createProject(join(dir, 'fuzzed'));
  documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt. قال المصدر 😀');
  documentLength = project.documents.get(documentId)!.length;
  annotationId = project.annotationService.create({
    documentId,
    start: 6,
    end: 18,
    labelId: 'claim',
    note: 'kept',
  }).upserted[0]!.id;
  host = await startHost({ session, handlers: createHandlers(session), staticDir: join(dir, 'static') });
  page = await openSession(host);
});

afterAll(async () => {
  host.server.closeAllConnections();
  await host.close();
  session.close();
});

/** The user's dataset: what no rejected request may touch. */
function dataset() {
  const project = session.requireProject();
  return {
    documents: tableRows(project, 'documents'),
    annotations: tableRows(project, 'annotations'),
    labels: tableRows(project, 'labels'),
    relations: project.db.prepare('SELECT * FROM relations ORDER BY id').all(),
  };
}

const send = (path: string, options: RequestOptions = {}): Promise<Reply> => sendToHost(page, path, options);

function expectRefusal(reply: Reply, where: string): void {
  expect(reply.status, where).toBe(200);
  const result = JSON.parse(reply.body);
  expect(result.ok, where).toBe(false);
  expect(REFUSALS, where).toContain(result.error.code);
  // A refusal names the problem; it does not echo a huge payload back.
  expect(result.error.message.length, where).toBeLessThan(2000);
}

describe('the HTTP API', () => {
  it('refuses out-of-range offsets, huge strings and unknown ids with an error value', async () => {
    const before = dataset();
    const over = (n: number) => 'x'.repeat(n + 1);
    const cases: Array<[string, unknown]> = [
      ...[
        [-1, 2],
        [5, 5],
        [3, 2],
        [0, documentLength + 1],
        [documentLength, documentLength + 1],
        [0, LIMITS.maxOffset + 1],
        [0.5, 2],
        ['0', 2],
        [0, null],
        [1e308, Infinity],
      ].map(([start, end]): [string, unknown] => [
        'annotations:create',
        { documentId, start, end, labelId: 'claim' },
      ]),
      ['annotations:create', { documentId: 'no-such-document', start: 0, end: 1, labelId: 'claim' }],
      ['annotations:create', { documentId, start: 0, end: 1, labelId: 'no-such-label' }],
      ['annotations:create', { documentId: over(LIMITS.idLength), start: 0, end: 1, labelId: 'claim' }],
      ['annotations:set-note', { id: annotationId, note: over(LIMITS.noteLength) }],
      ['annotations:set-note', { id: annotationId, note: 'x'.repeat(3_000_000) }],
      ['annotations:set-note', { id: 'no-such-annotation', note: 'x' }],
      ['annotations:relabel', { id: annotationId, labelId: 'no-such-label' }],
      ['annotations:relabel', { id: 'no-such-annotation', labelId: 'claim' }],
      ['annotations:delete', { id: 'no-such-annotation' }],
      ['annotations:delete', { id: over(LIMITS.idLength) }],
      ['documents:open', { id: 'no-such-document' }],
      ['documents:set-status', { id: 'no-such-document', status: 'done' }],
      ['project:open', { path: over(LIMITS.pathLength) }],
      ['project:open', { path: join(temp.make(), 'missing.spanlight') }],
      ['backups:restore', { id: '../../etc/passwd' }],
      ['backups:restore', { id: '2020-01-01T00-00-00-000Z_manual_abcdef.spanlight' }],
    ];
    for (const [channel, payload] of cases) {
      const reply = await send(`${HTTP.apiPrefix}${channel}`, { body: JSON.stringify(payload) });
      expectRefusal(reply, `${channel} ${JSON.stringify(payload).slice(0, 120)}`);
    }
    expect(dataset()).toEqual(before);
  }, 60_000);

  it(`answers ${RUNS} random hostile requests (seed ${SEED}) as its rules say, and keeps the data intact`, async () => {
    const before = dataset();
    const { random, int, pick, chance } = randomTools(prng(SEED));
    const junkStrings = [
      '',
      '😀',
      'مُقَاتِلٌ',
      '\u0000',
      '../../etc/passwd',
      '__proto__',
      'constructor',
      '<script>x</script>',
      '%00',
      'a'.repeat(300),
    ];
    const anyJson = (depth = 0): unknown => {
      const kind = int(0, depth > 2 ? 3 : 5);
      if (kind === 0) return pick([null, true, false]);
      if (kind === 1) return pick([0, -1, 1.5, 2 ** 53, -(2 ** 31), 1e308, int(0, 100)]);
      if (kind === 2) return pick(junkStrings);
      if (kind === 3) return chance(0.02) ? 'y'.repeat(int(100_000, 1_500_000)) : pick(junkStrings);
      if (kind === 4) return Array.from({ length: int(0, 3) }, () => anyJson(depth + 1));
      const keys = [
        'id',
        'documentId',
        'start',
        'end',
        'labelId',
        'note',
        'path',
        'files',
        'query',
        'format',
        '__proto__',
        'constructor',
        'x',
      ];
      return Object.fromEntries(Array.from({ length: int(0, 4) }, () => [pick(keys), anyJson(depth + 1)]));
    };
    const channelName = () =>
      chance(0.75)
        ? pick(CHANNELS)
        : pick([
            'nope',
            '__proto__',
            'constructor',
            'app:info/../x',
            'APP:INFO',
            'x'.repeat(5000),
            '😀',
            ...junkStrings,
          ]);
    const seen = new Map<string, number>();
    const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

    for (let run = 0; run < RUNS; run++) {
      const channel = channelName();
      const malformedEscape = chance(0.03);
      const path = `${HTTP.apiPrefix}${malformedEscape ? `${encodeURIComponent(channel)}%E0%A4%A` : encodeURIComponent(channel)}`;
      const method = chance(0.9) ? 'POST' : pick(['GET', 'PUT', 'DELETE', 'PATCH']);
      const [cookieName, secret] = page.cookie.split('=') as [string, string];
      const cookie = chance(0.9)
        ? page.cookie
        : pick([
            undefined,
            '',
            `${cookieName}=${'x'.repeat(secret.length)}`,
            `${page.cookie}x`,
            `${cookieName}=${secret.slice(1)}`,
            `spanlight-${host.port + 1}=${secret}`,
          ]);
      const hostHeader = chance(0.93)
        ? `127.0.0.1:${host.port}`
        : pick([
            'evil.example',
            `evil.example:${host.port}`,
            `127.0.0.1:${host.port + 1}`,
            `[::1]:${host.port}`,
          ]);
      const origin = chance(0.8)
        ? undefined
        : chance(0.5)
          ? `http://127.0.0.1:${host.port}`
          : pick(['http://evil.example', 'null', `https://127.0.0.1:${host.port}`]);
      const contentType = chance(0.92)
        ? 'application/json'
        : pick([undefined, 'text/plain', 'multipart/form-data', 'application/x-www-form-urlencoded']);
      const bodyKind = random();
      const body =
        bodyKind < 0.85
          ? JSON.stringify(anyJson())
          : bodyKind < 0.95
            ? pick(['{', 'nul', '{"a":', '\u0000\u0001', '[1,2', '"unterminated'])
            : '';
      const where = `run ${run}: ${method} ${path.slice(0, 80)} cookie=${cookie === page.cookie ? 'ok' : JSON.stringify(cookie?.slice(0, 20))} host=${hostHeader} origin=${origin} type=${contentType} body=${body.slice(0, 80)}`;

      const reply = await send(path, {
        method,
        body,
        headers: { host: hostHeader, origin, 'content-type': contentType, cookie },
      });

      // The rules, in the order the host applies them.
      let expected: number;
      if (hostHeader !== `127.0.0.1:${host.port}`) expected = 421;
      else if (origin !== undefined && origin !== `http://127.0.0.1:${host.port}`) expected = 403;
      else if (malformedEscape) expected = 400;
      else if (cookie !== page.cookie) expected = 401;
      else if (method !== 'POST') expected = 405;
      else if (contentType !== 'application/json') expected = 415;
      else if (bodyKind >= 0.85 && bodyKind < 0.95) expected = 400;
      else expected = 200;
      expect(reply.status, where).toBe(expected);
      count(String(reply.status));
      if (expected !== 200) {
        expect(reply.body, where).not.toMatch(/"ok"/);
        continue;
      }
      const result = JSON.parse(reply.body);
      if (result.ok) {
        count(`ok ${channel}`);
      } else {
        expectRefusal(reply, where);
        count(result.error.code);
      }
    }

    expect(dataset()).toEqual(before);
    expect(session.requireProject().db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(JSON.parse((await send(`${HTTP.apiPrefix}app:info`, { body: '{}' })).body)).toMatchObject({
      ok: true,
      value: { mode: 'browser' },
    });
    // Every gate and the validation behind them were reached many times.
    for (const key of [
      '200',
      '400',
      '401',
      '403',
      '405',
      '415',
      '421',
      'invalid_payload',
      'unknown_channel',
    ]) {
      expect(seen.get(key) ?? 0, `${key} in ${JSON.stringify(Object.fromEntries(seen))}`).toBeGreaterThan(5);
    }
  }, 120_000);
});
