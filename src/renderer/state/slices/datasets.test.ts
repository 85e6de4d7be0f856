import { beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '@shared/datasets';
import type { ImportReport } from '@shared/model';
import type { AppStore } from '../store';
import type { FakeApi } from '../testing/fakeApi';
import { storeWithFakeApi } from '../testing/testStore';
import { label, opened, summary } from '../testing/fixtures';
import { describeReport } from './datasets';

const REPORT: ImportReport = {
  imported: [{ fileName: 'a.txt', documentId: 'doc-a', title: 'A', spans: 0 }],
  skipped: [{ fileName: 'b.txt', reason: 'already in the project' }],
  rejected: [],
};

function job(fields: Partial<JobStatus>): JobStatus {
  return {
    id: 'job-1',
    kind: 'import',
    state: 'running',
    phase: 'Reading',
    done: 0,
    total: 2,
    unit: 'files',
    startedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
}

let fake: FakeApi;
let store: AppStore;

beforeEach(() => {
  ({ fake, store } = storeWithFakeApi());
});

describe('importing', () => {
  it('says so and sends nothing when no file can be read', async () => {
    await store.importFiles([]);
    expect(store.getState().notice?.kind).toBe('error');
    expect(fake.sent).toEqual([]);
  });

  it('follows the job, reports it, refreshes the list and opens the first imported document', async () => {
    void store.importFiles([{ name: 'a.txt', base64: 'YQ==' }]);
    const start = fake.next('jobs:start-import');
    expect(start.request).toEqual({
      format: 'auto',
      source: { kind: 'files', files: [{ name: 'a.txt', base64: 'YQ==' }] },
    });
    await start.answer({ jobId: 'job-1' });
    await fake.next('jobs:status').answer(job({ state: 'done', done: 2, import: REPORT }));
    expect(store.getState().job).toBeNull();
    expect(store.getState().notice).toEqual(describeReport(REPORT));

    await fake.next('documents:list').answer([summary('doc-a')]);
    await fake.next('labels:list').answer([]);
    await fake.next('documents:open').answer(opened('doc-a'));
    expect(store.getState().open?.document.id).toBe('doc-a');
  });

  it('regression: labels an import created reach the toolbar without a reload (finished or cancelled)', async () => {
    const claim = label({ id: 'claim', name: 'claim' });
    const fromFile = label({ id: 'casualty', name: 'casualty' });
    store.set({ labels: [claim] });
    void store.importFiles([{ name: 'a.jsonl', base64: 'e30=' }]);
    await fake.next('jobs:start-import').answer({ jobId: 'job-1' });
    await fake.next('jobs:status').answer(job({ state: 'done', done: 1, import: REPORT }));
    await fake.next('labels:list').answer([claim, fromFile]);
    expect(store.getState().labels.map((l) => l.name)).toEqual(['claim', 'casualty']);

    const another = label({ id: 'source', name: 'source' });
    void store.importFiles([{ name: 'b.jsonl', base64: 'e30=' }]);
    await fake.next('jobs:start-import').answer({ jobId: 'job-2' });
    await fake.next('jobs:status').answer(job({ id: 'job-2', state: 'cancelled', done: 1, import: REPORT }));
    await fake.next('labels:list').answer([claim, fromFile, another]);
    expect(store.getState().labels.map((l) => l.name)).toEqual(['claim', 'casualty', 'source']);
  });

  it('refreshes the list after a cancel part way, leaving the ended job on show', async () => {
    void store.importFiles([{ name: 'a.txt', base64: 'YQ==' }]);
    await fake.next('jobs:start-import').answer({ jobId: 'job-1' });
    const cancelled = job({ state: 'cancelled', done: 1, import: REPORT });
    await fake.next('jobs:status').answer(cancelled);
    expect(store.getState().job).toEqual(cancelled);
    expect(fake.pending('documents:list')).toBe(1);
    store.dismissJob();
    expect(store.getState().job).toBeNull();
  });

  it('shows why a job could not start', async () => {
    void store.chooseImport('folder');
    await fake.next('jobs:start-import').fail('No project is open');
    expect(store.getState().notice?.text).toBe('No project is open');
    expect(fake.pending('jobs:status')).toBe(0);
  });

  it('does nothing when the user cancels the native dialog', async () => {
    void store.chooseImport('files');
    await fake.next('jobs:start-import').answer(null);
    expect(fake.pending('jobs:status')).toBe(0);
    expect(store.getState().notice).toBeNull();
  });
});

describe('the import report', () => {
  it('counts each outcome and lists every file that was not imported', () => {
    const notice = describeReport({
      ...REPORT,
      rejected: [{ fileName: 'c.pdf', reason: 'not a text format' }],
    });
    expect(notice).toMatchObject({
      kind: 'error',
      text: 'Import: 1 imported, 1 skipped, 1 rejected',
      details: ['Rejected c.pdf: not a text format', 'Skipped b.txt: already in the project'],
    });
    // The same kept as keys and values, one a line, for the bar to word live.
    expect(notice.said!.details.map((line) => line.key)).toEqual(['notice.rejected', 'notice.skipped']);
    expect(notice.said!.details[0]!.params).toEqual({ file: 'c.pdf', reason: 'not a text format' });
    expect(describeReport(REPORT).kind).toBe('info');
  });
});
