import { useEffect, useState } from 'react';
import type { ExportFilter } from '@shared/datasets';
import type { ExportFormat } from '@shared/model';
import { startExport } from '../platform/datasetJobs';
import { platform } from '../platform/platform';
import { useAppState, useAppStore } from '../state/useStore';
import { ExportDialog } from './ExportDialog';
import { JobProgress } from './JobProgress';

type Store = ReturnType<typeof useAppStore>;

/**
 * Every export, the dialog's and the quick Export JSONL / CSV alike: a job (a save dialog in the desktop app, a
 * download in the browser) followed in the progress bar, which shows where it went or why it failed. `spreadsheet`:
 * CSV written for a spreadsheet (the dialog's checkbox); the quick exports stay exact.
 */
export async function runExport(
  store: Store,
  format: ExportFormat,
  filter: ExportFilter,
  spreadsheet = false,
): Promise<void> {
  await store.followJob(await startExport(platform, format, filter, spreadsheet));
}

/** File → Export…: the format and filter dialog, then the export as a job with progress. */
export function DatasetExportDialog() {
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
  const [annotators, setAnnotators] = useState<string[]>([]);
  useEffect(() => {
    void store.call('export:options', {}).then((options) => options && setAnnotators(options.annotators));
  }, [store]);
  const onExport = async (format: ExportFormat, filter: ExportFilter, spreadsheet: boolean) => {
    store.closeDialog();
    await runExport(store, format, filter, spreadsheet);
  };
  return (
    <ExportDialog
      labels={labels}
      annotators={annotators}
      platform={platform.kind}
      onExport={(format, filter, spreadsheet) => void onExport(format, filter, spreadsheet)}
      onClose={() => store.closeDialog()}
    />
  );
}

/** The running (or just finished) import or export, with Cancel while it runs. */
export function RunningJob() {
  const store = useAppStore();
  const job = useAppState((s) => s.job);
  if (!job) return null;
  return (
    <JobProgress
      job={job}
      onCancel={() => void store.call('jobs:cancel', { id: job.id })}
      onDismiss={() => store.dismissJob()}
      destination={platform.kind === 'browser' ? 'download' : 'file'}
    />
  );
}
