/**
 * Imports and exports as jobs, through the same dispatch and browser host as the app: progress, results,
 * a download that runs as a job, and cancelling.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus, StartedJob } from '@shared/datasets';
import { AppSession } from '../session/session';
import type { Handlers } from '../api/handlers';
import { dispatch } from '../api/dispatch';
import { useTempDirs } from '../../../test/support/fixtures';
import { sendToHost, type HostSession } from '../../../test/support/hostRequests';
import { startTestHost, type TestHost } from '../../../test/support/testHost';
import { JobRegistry } from './jobRegistry';
import { inEnglish } from '../../../test/support/importProblems';

const temp = useTempDirs();
let testHost: TestHost;
let handlers: Handlers;
/** The browser page's session on the host, as its downloads carry it. */
let page: HostSession;
let call: TestHost['call'];

beforeAll(async () => {
  const dir = temp.make();
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html>');
  const session = new AppSession('browser', join(dir, 'data'));
  session.createProject(join(dir, 'jobs.spanlight'));
  testHost = await startTestHost(session, join(dir, 'static'));
  ({ handlers, page, call } = testHost);
});

afterAll(() => testHost.close());

async function settle(jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await call<JobStatus>('jobs:status', { id: jobId });
    if (status.state !== 'running') return status;
    await sleep(5);
  }
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('an import job', () => {
  it('imports the files, reporting progress in files, and answers the report when done', async () => {
    const files = [
      { name: 'a.txt', base64: b64('Alpha article\nbody') },
      {
        name: 'b.jsonl',
        base64: b64(
          JSON.stringify({ id: 'b', text: 'Beta said 3', spans: [{ start: 10, end: 11, label: 'number' }] }) +
            '\n',
        ),
      },
      {
        name: 'bad.jsonl',
        base64: b64('{"text": "x", "spans": [{"start": 0, "end": 5, "label": "claim"}]}\n'),
      },
    ];
    const { jobId } = await call<StartedJob>('jobs:start-import', { source: { kind: 'files', files } });
    const status = await settle(jobId);
    expect(status).toMatchObject({ kind: 'import', state: 'done', done: 3, total: 3, unit: 'files' });
    expect(status.import!.imported.map((i) => i.fileName)).toEqual(['a.txt', 'b.jsonl:1']);
    expect(inEnglish(status.import!.rejected)).toEqual([
      {
        fileName: 'bad.jsonl',
        reason: 'bad.jsonl:1: span 1: end 5 is past the end of the text (1 code points)',
      },
    ]);
  });

  it('a cancel lands while a large Label Studio file is read, a task at a time (finding 10)', async () => {
    const tasks = Array.from({ length: 4000 }, (_, i) => ({
      data: { text: `Task ${i} said ${i} fell` },
      annotations: [
        { result: [{ id: `r${i}`, type: 'labels', value: { start: 0, end: 4, labels: ['claim'] } }] },
      ],
    }));
    const files = [{ name: 'tasks.json', base64: b64(JSON.stringify(tasks, null, 2)) }];
    const before = (await call<unknown[]>('documents:list', {})).length;
    const { jobId } = await call<StartedJob>('jobs:start-import', { source: { kind: 'files', files } });
    // Before, the file was read in one step that held the event loop: no phase between its tasks, and a
    // cancel could land only after the whole file had been read.
    let status = await call<JobStatus>('jobs:status', { id: jobId });
    while (status.state === 'running' && !/tasks\.json: \d+ tasks/.test(status.phase)) {
      await sleep(1);
      status = await call<JobStatus>('jobs:status', { id: jobId });
    }
    expect(status).toMatchObject({ state: 'running' });
    const read = Number(/(\d+) tasks/.exec(status.phase)![1]);
    expect(read).toBeLessThan(tasks.length);
    await call<JobStatus>('jobs:cancel', { id: jobId });
    expect(await settle(jobId)).toMatchObject({ state: 'cancelled', import: { imported: [] } });
    expect(await call<unknown[]>('documents:list', {})).toHaveLength(before);
  });

  it('a native dialog is not in the browser', async () => {
    const result = await dispatch(handlers, 'jobs:start-import', {
      source: { kind: 'choose', pick: 'files' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('an export job in the browser: a download that runs as the job', () => {
  it('streams the filtered export and ends done with its counts', async () => {
    const { jobId } = await call<StartedJob>('jobs:start-export', {
      format: 'csv',
      destination: 'download',
      filter: { labels: ['number'] },
    });
    expect(await call<JobStatus>('jobs:status', { id: jobId })).toMatchObject({
      state: 'running',
      phase: 'Waiting to start',
    });
    const reply = await sendToHost(page, `/download/export?format=csv&job=${jobId}`, {
      method: 'GET',
    });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''jobs.csv`);
    const rows = reply.body.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^b,Beta said 3,[^,]+,10,11,number,3,/);
    expect(await settle(jobId)).toMatchObject({
      state: 'done',
      done: 2,
      total: 2,
      export: { documents: 2, spans: 1 },
    });
    // A job runs once.
    expect(
      (
        await sendToHost(page, `/download/export?format=csv&job=${jobId}`, {
          method: 'GET',
        })
      ).status,
    ).toBe(404);
  });

  it('brat downloads as a zip of the folder', async () => {
    const { jobId } = await call<StartedJob>('jobs:start-export', {
      format: 'brat',
      destination: 'download',
    });
    const reply = await sendToHost(page, `/download/export?format=brat&job=${jobId}`, {
      method: 'GET',
    });
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(reply.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''jobs-brat.zip`);
    expect(reply.body.startsWith('PK')).toBe(true);
  });

  it('a job cancelled before its download never runs', async () => {
    const { jobId } = await call<StartedJob>('jobs:start-export', {
      format: 'jsonl',
      destination: 'download',
    });
    expect(await call<JobStatus>('jobs:cancel', { id: jobId })).toMatchObject({ state: 'cancelled' });
    expect(
      (
        await sendToHost(page, `/download/export?format=jsonl&job=${jobId}`, {
          method: 'GET',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a label the project does not have, and an unknown job', async () => {
    expect(
      await dispatch(handlers, 'jobs:start-export', {
        format: 'csv',
        destination: 'download',
        filter: { labels: ['nope'] },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'The project has no label "nope"' },
    });
    expect(await dispatch(handlers, 'jobs:status', { id: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('JobRegistry', () => {
  it('a cancelled job ends cancelled, keeping what it had done', async () => {
    const jobs = new JobRegistry();
    const id = jobs.start('import', 'files', async (control) => {
      control.progress(1, 3, 'Reading b.txt');
      control.partial({
        import: {
          imported: [{ fileName: 'a.txt', documentId: 'a', title: 'A', spans: 0 }],
          skipped: [],
          rejected: [],
        },
      });
      await sleep(20);
      control.signal.throwIfAborted();
      return {};
    });
    expect(jobs.cancel(id).state).toBe('running');
    await sleep(40);
    expect(jobs.status(id)).toMatchObject({
      state: 'cancelled',
      done: 1,
      total: 3,
      import: { imported: [{ fileName: 'a.txt' }] },
    });
  });

  it('a failing job ends failed with its message', async () => {
    const jobs = new JobRegistry();
    const id = jobs.start('export', 'documents', async () => {
      throw new Error('disk full');
    });
    await sleep(5);
    expect(jobs.status(id)).toMatchObject({ state: 'failed', error: 'disk full' });
  });
});
