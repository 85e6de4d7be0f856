/** Datasets in and out: imports and exports run as jobs in main, followed here as a progress bar. */
import type { JobStatus } from '@shared/datasets';
import type { Result } from '@shared/errors';
import type { ImportReport } from '@shared/model';
import { said } from '../../i18n/said';
import { followJob, startImport } from '../../platform/datasetJobs';
import { importProblemSaid, importSummarySaid } from '../importText';
import type { StoreCore } from '../storeCore';
import type { DocumentsActions } from './documents';
import { errorNotice, type Notice, saidNotice } from './ui';

export interface DatasetsState {
  /** The import or export running (or just ended), shown as a progress bar with Cancel. */
  job: JobStatus | null;
}

export const initialDatasetsState: DatasetsState = { job: null };

export function describeReport(report: ImportReport): Notice {
  return saidNotice(
    report.rejected.length ? 'error' : 'info',
    said('common', 'notice.importReport', { summary: importSummarySaid(report) }),
    [
      ...report.rejected.map((problem) => importProblemSaid('rejected', problem)),
      ...report.skipped.map((problem) => importProblemSaid('skipped', problem)),
    ],
  );
}

export function datasetsActions(
  store: StoreCore,
  documents: Pick<DocumentsActions, 'openDocument' | 'refreshDocuments'>,
) {
  /** Follows a started job in `job` (the progress bar) until it ends; undefined when it did not start. */
  async function follow(started: Result<string | null>): Promise<JobStatus | undefined> {
    if (!started.ok) {
      store.set({ notice: errorNotice(started.error) });
      return undefined;
    }
    if (started.value === null) return undefined;
    const last = await followJob(store.api, started.value, (job) => store.set({ job }));
    if (!last.ok) {
      store.set({ notice: errorNotice(last.error) });
      return undefined;
    }
    return last.value;
  }

  /** An import creates the labels its files name: the toolbar shows them without a reload. */
  async function refreshLabels(): Promise<void> {
    const labels = await store.call('labels:list', {});
    if (labels) store.set({ labels });
  }

  /** What an import changed: the document list and the labels. */
  async function refreshImported(): Promise<void> {
    await Promise.all([documents.refreshDocuments(), refreshLabels()]);
  }

  async function afterImport(report: ImportReport): Promise<void> {
    store.set({ notice: describeReport(report) });
    await refreshImported();
    const firstImported = report.imported[0];
    if (!store.getState().open && firstImported) await documents.openDocument(firstImported.documentId);
  }

  async function runImport(started: Result<string | null>): Promise<void> {
    const status = await follow(started);
    if (status?.state === 'done' && status.import) {
      store.set({ job: null });
      await afterImport(status.import);
    } else if (status?.import) {
      // Cancelled part way: what was imported before the cancel is in the project.
      await refreshImported();
    }
  }

  return {
    followJob: follow,

    /** Imports files read in the renderer, as a job with progress and cancel (formats detected by main). */
    async importFiles(files: Array<{ name: string; base64: string }>): Promise<void> {
      if (files.length === 0) {
        store.set({ notice: saidNotice('error', said('common', 'notice.nothingToImport')) });
        return;
      }
      store.set({ notice: null });
      await runImport(await startImport(store.api, files, { format: 'auto' }));
    },

    /** The desktop app: a native dialog, then files and folders read from disk in main. */
    async chooseImport(kind: 'files' | 'folder'): Promise<void> {
      const started = await store.api['jobs:start-import']({
        format: 'auto',
        source: { kind: 'choose', pick: kind },
      });
      await runImport(started.ok ? { ok: true, value: started.value?.jobId ?? null } : started);
    },

    /** Hides the bar of a job that has ended. */
    dismissJob(): void {
      store.set({ job: null });
    },
  };
}

export type DatasetsActions = ReturnType<typeof datasetsActions>;
