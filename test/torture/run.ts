/**
 * Runs a torture worker in a child process and, when asked, kills it with SIGKILL a given time after it
 * reported `started`: no exit handlers, no flushing, as when the app crashes or the machine loses power
 * under a process that had already handed its writes to the OS.
 */
import { spawn } from 'node:child_process';
import { parseLines, type WorkerLine } from './protocol';

export interface WorkerRun {
  lines: WorkerLine[];
  /** 'SIGKILL' when the kill came before the worker finished. */
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  /** From `started` to the end of the process. */
  elapsedMs: number;
}

const STARTED = `${JSON.stringify({ kind: 'started' } satisfies WorkerLine)}\n`;

/** `killAfterMs` null: let it finish (to measure a whole run), killing it only if it hangs. */
export function runWorker(
  workerPath: string,
  args: string[],
  killAfterMs: number | null,
  hangMs = 60_000,
): Promise<WorkerRun> {
  const child = spawn(process.execPath, [workerPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let startedAt = 0;
  const hang = setTimeout(() => child.kill('SIGKILL'), hangMs);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (startedAt || !stdout.includes(STARTED)) return;
    startedAt = performance.now();
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(hang);
      resolve({
        lines: parseLines(stdout),
        signal,
        code,
        stderr,
        elapsedMs: startedAt ? performance.now() - startedAt : 0,
      });
    });
  });
}

/** A worker that was not killed ended by itself: an error the round must show, with what the worker said. */
export function describeUnkilled(run: WorkerRun): string {
  return `the worker ended by itself (exit code ${run.code}, signal ${run.signal}): ${run.stderr.trim().slice(0, 2000)}`;
}

/**
 * Where in a run the kills fall: uniformly over the length of a whole, unkilled run. On a loaded machine that
 * length varies, so a run the kill missed (it finished first) shortens the window to its own length.
 */
export class KillWindow {
  constructor(private lengthMs: number) {}

  next(int: (min: number, max: number) => number): number {
    return int(0, Math.ceil(this.lengthMs));
  }

  observe(run: WorkerRun): void {
    if (run.signal !== 'SIGKILL' && run.elapsedMs > 0) this.lengthMs = Math.min(this.lengthMs, run.elapsedMs);
  }
}
