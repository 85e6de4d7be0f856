/**
 * Regression: an export download whose client went away never ended. The export waited forever for `drain`,
 * kept its read snapshot (so no checkpoint could pass it and the WAL grew), its job stayed "running" and
 * Cancel did nothing. Over real HTTP, with a project far larger than the socket buffers.
 */
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus, StartedJob } from '@shared/datasets';
import { AppSession } from '../core/session/session';
import { Importer } from '../core/import/importer';
import { sourceFromBytes } from '../core/import/sources';
import { useTempDirs } from '../../test/support/fixtures';
import type { HostSession } from '../../test/support/hostRequests';
import { startTestHost, type TestHost } from '../../test/support/testHost';

const temp = useTempDirs();
let session: AppSession;
let testHost: TestHost;
let page: HostSession;
let call: TestHost['call'];

/** 300 documents of about 50 KB: a 15 MB export, several times what the sockets buffer. */
const DOCUMENTS = 300;

beforeAll(async () => {
  const dir = temp.make();
  session = new AppSession('browser', join(dir, 'data'));
  const project = session.createProject(join(dir, 'big.spanlight'));
  const paragraph = 'The ministry said that 300 fighters crossed the border at dawn. قال المصدر إن ';
  const body = paragraph.repeat(Math.ceil(50_000 / paragraph.length));
  const lines = Array.from({ length: DOCUMENTS }, (_, i) =>
    JSON.stringify({
      id: `doc-${i}`,
      text: `Report ${i}\n${body}`,
      spans: [{ start: 0, end: 6, label: 'claim' }],
    }),
  );
  const report = new Importer(project).importAll([
    sourceFromBytes('big.jsonl', Buffer.from(lines.join('\n') + '\n', 'utf8')),
  ]);
  expect(report.imported).toHaveLength(DOCUMENTS);
  testHost = await startTestHost(session, join(dir, 'static'));
  ({ page, call } = testHost);
}, 60_000);

afterAll(() => testHost.close());

/** Starts a download and stops reading once its first bytes arrive, like a browser that stalls or is gone. */
function startDownload(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: page.port,
        path,
        method: 'GET',
        headers: { host: `127.0.0.1:${page.port}`, cookie: page.cookie },
        agent: false,
      },
      (res) => {
        res.once('data', () => {
          res.pause();
          resolve(res);
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A download whose client goes away: its socket destroyed as soon as the first bytes arrive. */
async function downloadAndHangUp(path: string): Promise<void> {
  (await startDownload(path)).socket.destroy();
}

type Checkpoint = { busy: number; log: number; checkpointed: number };

/**
 * A checkpoint on the app's own connection, after a write made after the export's snapshot began: while the
 * snapshot is held, the frames of that write cannot be checkpointed. TRUNCATE waits for readers (busy_timeout,
 * blocking this thread) and answers busy=1 if one stays; PASSIVE never waits.
 */
function checkpoint(mode: 'PASSIVE' | 'TRUNCATE'): Checkpoint {
  const project = session.requireProject();
  project.labelService.create({
    name: `after ${Math.random()}`,
    color: '#336699',
    hotkey: null,
    attributes: [],
  });
  const [result] = project.db.pragma(`wal_checkpoint(${mode})`) as Checkpoint[];
  return result!;
}

/**
 * Waits, without blocking the host, until a passive checkpoint gets through the whole WAL: the export has let
 * go of its snapshot. Then a TRUNCATE checkpoint must not be busy.
 */
async function expectWalReleasedWithin(ms: number, where: string): Promise<void> {
  const deadline = Date.now() + ms;
  let passive = checkpoint('PASSIVE');
  while (passive.checkpointed < passive.log && Date.now() < deadline) {
    await sleep(20);
    passive = checkpoint('PASSIVE');
  }
  expect(passive.checkpointed, `${where}: ${JSON.stringify(passive)}`).toBe(passive.log);
  expect(checkpoint('TRUNCATE'), where).toMatchObject({ busy: 0, log: 0 });
}

async function stateWithin(jobId: string, ms: number): Promise<JobStatus> {
  const deadline = Date.now() + ms;
  for (;;) {
    const status = await call<JobStatus>('jobs:status', { id: jobId });
    if (status.state !== 'running' || Date.now() > deadline) return status;
    await sleep(20);
  }
}

describe('regression: an export download whose client goes away', () => {
  it('as a job: the job ends (cancelled) within a second and the snapshot is released', async () => {
    const { jobId } = await call<StartedJob>('jobs:start-export', {
      format: 'jsonl',
      destination: 'download',
    });
    await downloadAndHangUp(`/download/export?format=jsonl&job=${jobId}`);
    const status = await stateWithin(jobId, 1_000);
    expect(status.state).toBe('cancelled');
    // It stopped early: far from every document.
    expect(status.done).toBeLessThan(DOCUMENTS);
    await expectWalReleasedWithin(1_000, 'job');
    // Cancel answers at once for a job that has ended.
    expect(await call<JobStatus>('jobs:cancel', { id: jobId })).toMatchObject({ state: 'cancelled' });
  }, 20_000);

  it('as a plain download, a zip one too: the export stops and no checkpoint waits for it', async () => {
    for (const format of ['jsonl', 'brat']) {
      await downloadAndHangUp(`/download/export?format=${format}`);
      await expectWalReleasedWithin(1_000, format);
    }
  }, 30_000);
});

describe('regression: Cancel of an export download whose client stopped reading', () => {
  it('ends the job while it waits for the client, and releases the snapshot', async () => {
    const { jobId } = await call<StartedJob>('jobs:start-export', {
      format: 'jsonl',
      destination: 'download',
    });
    const download = await startDownload(`/download/export?format=jsonl&job=${jobId}`);
    // The client reads nothing more: the socket buffers fill and the export waits for them to drain.
    await sleep(300);
    expect((await call<JobStatus>('jobs:status', { id: jobId })).state).toBe('running');
    await call<JobStatus>('jobs:cancel', { id: jobId });
    const status = await stateWithin(jobId, 1_000);
    expect(status.state).toBe('cancelled');
    expect(status.done).toBeLessThan(DOCUMENTS);
    await expectWalReleasedWithin(1_000, 'cancelled job');
    // The host ends the unfinished download rather than leave it open: what the client then reads stops short.
    let bytes = 0;
    download.on('data', (chunk: Buffer) => (bytes += chunk.length));
    download.on('error', () => {});
    const ended = new Promise((resolve) => download.once('close', resolve));
    download.resume();
    await ended;
    expect(download.complete).toBe(false);
    expect(bytes).toBeLessThan(DOCUMENTS * 50_000);
  }, 20_000);
});
