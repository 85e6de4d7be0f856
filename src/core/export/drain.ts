/**
 * Waiting for a full stream to drain, the one way every export output waits. `once(out, 'drain')` alone
 * waits forever when the stream closes instead (a browser download whose client went away): the export then
 * never ends, keeps its read snapshot and pins the WAL. Here the wait also ends when the stream closes or
 * errors, and when the export is aborted (Cancel).
 */
import type { Writable } from 'node:stream';

/** The reason a wait ends when the output closed before the export finished. */
export class OutputClosedError extends Error {
  constructor() {
    super('The output closed before the export finished');
    this.name = 'OutputClosedError';
  }
}

export function waitForDrain(out: Writable, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (out.destroyed || out.writableEnded) return Promise.reject(new OutputClosedError());
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = () => settle();
    const onClose = () => settle(new OutputClosedError());
    const onError = (error: Error) => settle(error);
    const onAbort = () => settle(signal!.reason);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
    signal?.addEventListener('abort', onAbort);
  });
}
