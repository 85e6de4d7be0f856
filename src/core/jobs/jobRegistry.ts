/**
 * Long imports and exports run as jobs: started by one call, followed by polling `jobs:status`, stopped by
 * `jobs:cancel`. Polling works the same over Electron IPC and the browser host's HTTP. A job's work receives
 * an AbortSignal and reports progress; cancelling aborts it at its next step, and the work itself leaves the
 * project as it was before the file (import) or removes its partial output (export).
 */
import { randomUUID } from 'node:crypto';
import type { JobKind, JobStatus } from '@shared/datasets';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { Message } from '@shared/messages/message';

/** Finished jobs are kept this many, so a last poll still finds its result. */
const KEEP_FINISHED = 20;

export interface JobControl {
  signal: AbortSignal;
  /** `phaseI18n`: the phase as a message, for the interface to word (a phase without one is shown as it is). */
  progress(done: number, total: number, phase?: string, phaseI18n?: Message): void;
  /** What was done so far, kept if the job is cancelled (the files an import finished before the cancel). */
  partial(outcome: Outcome): void;
}

type Outcome = Pick<JobStatus, 'export' | 'import'>;

interface Job {
  status: JobStatus;
  controller: AbortController;
  /** A reserved job waits for `runReserved` (a browser export waits for its download request); what it holds. */
  reserved?: { detail: unknown };
}

type Work = (control: JobControl) => Promise<Outcome>;

export function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && (error === signal.reason || (error as Error | null)?.name === 'AbortError');
}

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  /** Starts a job now. */
  start(kind: JobKind, unit: JobStatus['unit'], work: Work): string {
    const job = this.add(kind, unit, 'Starting');
    void this.execute(job, work);
    return job.status.id;
  }

  /** Registers a job that starts later, with `runReserved`; `detail` says what it will do. */
  reserve(kind: JobKind, unit: JobStatus['unit'], detail: unknown): string {
    const job = this.add(kind, unit, 'Waiting to start');
    job.reserved = { detail };
    return job.status.id;
  }

  /** Starts a reserved job (once) and resolves when it ends; answers null for an unknown or started job. */
  runReserved(
    id: string,
    work: (detail: unknown, control: JobControl) => Promise<Outcome>,
  ): Promise<JobStatus> | null {
    const job = this.jobs.get(id);
    const reserved = job?.reserved;
    if (!job || !reserved) return null;
    job.reserved = undefined;
    return this.execute(job, (control) => work(reserved.detail, control)).then(() => this.status(id));
  }

  status(id: string): JobStatus {
    return { ...this.require(id).status };
  }

  cancel(id: string): JobStatus {
    const job = this.require(id);
    if (job.status.state === 'running') {
      job.controller.abort();
      if (job.reserved) {
        job.reserved = undefined;
        job.status = { ...job.status, state: 'cancelled', phase: 'Cancelled' };
      }
    }
    return this.status(id);
  }

  private add(kind: JobKind, unit: JobStatus['unit'], phase: string): Job {
    const id = randomUUID();
    const job: Job = {
      status: {
        id,
        kind,
        state: 'running',
        phase,
        done: 0,
        total: 0,
        unit,
        startedAt: new Date().toISOString(),
      },
      controller: new AbortController(),
    };
    this.jobs.set(id, job);
    this.prune();
    return job;
  }

  private async execute(job: Job, work: Work): Promise<void> {
    const { signal } = job.controller;
    const control: JobControl = {
      signal,
      progress: (done, total, phase, phaseI18n) => {
        job.status.done = done;
        job.status.total = total;
        if (phase !== undefined) {
          job.status.phase = phase;
          if (phaseI18n) job.status.phaseI18n = phaseI18n;
          else delete job.status.phaseI18n;
        }
      },
      partial: (outcome) => Object.assign(job.status, outcome),
    };
    job.status.phase = job.status.kind === 'export' ? 'Exporting' : 'Importing';
    try {
      const outcome = await work(control);
      // A cancel that arrives after the last step changed nothing: the job is done.
      job.status = { ...job.status, ...outcome, state: 'done', phase: 'Done' };
    } catch (error) {
      if (isAbort(error, signal)) job.status = { ...job.status, state: 'cancelled', phase: 'Cancelled' };
      else {
        const i18n = error instanceof AppError ? error.i18n : undefined;
        job.status = {
          ...job.status,
          state: 'failed',
          phase: 'Failed',
          error: (error as Error).message,
          ...(i18n && { errorI18n: i18n }),
        };
      }
    }
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', errorMessage('notFound.job', { id }));
    return job;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.status.id);
  }
}
