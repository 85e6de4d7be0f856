/**
 * Starting and following dataset jobs (src/core/jobs) from the renderer: an export goes through a native save
 * dialog in the desktop app and a streamed download in the browser; either way the job is polled with
 * `jobs:status` until it ends, and `jobs:cancel` stops it.
 */
import type { SpanlightApi } from '@shared/contract';
import type { ExportFilter, ImportOptions, JobStatus } from '@shared/datasets';
import type { Result } from '@shared/errors';
import type { ExportFormat } from '@shared/model';
import type { Platform } from './platform';

/** How often a running job is asked for its progress. */
const POLL_MS = 250;

/** Starts an export; answers the job id, or null when the user cancelled the save dialog. */
export async function startExport(
  platform: Platform,
  format: ExportFormat,
  filter: ExportFilter,
  spreadsheet = false,
): Promise<Result<string | null>> {
  const destination = platform.kind === 'electron' ? 'choose' : 'download';
  const started = await platform.api['jobs:start-export']({ format, filter, destination, spreadsheet });
  if (!started.ok || started.value === null) return started.ok ? { ok: true, value: null } : started;
  const { jobId } = started.value;
  if (destination === 'download') {
    // The host runs the job when this download arrives; the format, filter and spreadsheet choice travel with it.
    const link = document.createElement('a');
    link.href = platform.exportUrl(jobId);
    link.download = '';
    link.click();
  }
  return { ok: true, value: jobId };
}

/** Starts an import of files read in the renderer (see fileReading.ts). */
export async function startImport(
  api: SpanlightApi,
  files: Array<{ name: string; base64: string }>,
  options: ImportOptions,
): Promise<Result<string | null>> {
  const started = await api['jobs:start-import']({ ...options, source: { kind: 'files', files } });
  return started.ok ? { ok: true, value: started.value?.jobId ?? null } : started;
}

/** Polls a job until it ends, calling `onUpdate` with each status; resolves with the last one. */
export async function followJob(
  api: SpanlightApi,
  jobId: string,
  onUpdate: (status: JobStatus) => void,
): Promise<Result<JobStatus>> {
  for (;;) {
    const status = await api['jobs:status']({ id: jobId });
    if (!status.ok) return status;
    onUpdate(status.value);
    if (status.value.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
