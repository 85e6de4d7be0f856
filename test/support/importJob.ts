/**
 * Imports files the way the renderer does, through any transport that answers a channel with a Result (dispatch
 * in-process, or the browser host over HTTP): `jobs:start-import`, then `jobs:status` until the job ends.
 * Test-only.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobStatus, StartedJob } from '@shared/datasets';
import type { Result } from '@shared/errors';
import type { ImportReport } from '@shared/model';

export type CallChannel = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/** Files as the renderer sends them: their bytes in base64. */
export function filesToSend(files: Record<string, string | Buffer>): Array<{ name: string; base64: string }> {
  return Object.entries(files).map(([name, content]) => ({
    name,
    base64: Buffer.from(content).toString('base64'),
  }));
}

/** Runs the import job and answers its report; a job that does not start or does not finish fails the test. */
export async function importAsJob(
  call: CallChannel,
  files: Array<{ name: string; base64: string }>,
): Promise<ImportReport> {
  const started = await call('jobs:start-import', { source: { kind: 'files', files } });
  if (!started.ok)
    throw new Error(`jobs:start-import answered ${started.error.code}: ${started.error.message}`);
  const { jobId } = started.value as StartedJob;
  for (;;) {
    const status = await call('jobs:status', { id: jobId });
    if (!status.ok) throw new Error(`jobs:status answered ${status.error.code}: ${status.error.message}`);
    const job = status.value as JobStatus;
    if (job.state === 'running') {
      await sleep(5);
      continue;
    }
    if (job.state !== 'done' || !job.import)
      throw new Error(`the import job ended ${job.state}: ${job.error}`);
    return job.import;
  }
}
