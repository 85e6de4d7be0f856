import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { addDocument, projectWithDocument } from '../../../test/support/fixtures';
import { OutputClosedError, waitForDrain } from './drain';
import { exportDataset } from './exporter';

/** A stream that takes one byte and then never finishes a write: always full, never drained by itself. */
function stuckStream(): Writable {
  return new Writable({ highWaterMark: 1, write: () => {} });
}

function listenerCount(out: Writable): number {
  return ['drain', 'close', 'error'].reduce((n, event) => n + out.listenerCount(event), 0);
}

describe('waitForDrain', () => {
  it('resolves on drain and leaves no listener behind', async () => {
    const out = stuckStream();
    const before = listenerCount(out);
    const waiting = waitForDrain(out);
    out.emit('drain');
    await expect(waiting).resolves.toBeUndefined();
    expect(listenerCount(out)).toBe(before);
  });

  it('ends with OutputClosedError when the stream closes instead (the client went away)', async () => {
    const out = stuckStream();
    out.write('x');
    const waiting = waitForDrain(out);
    out.destroy();
    await expect(waiting).rejects.toBeInstanceOf(OutputClosedError);
    // Already closed: no wait at all.
    await expect(waitForDrain(out)).rejects.toBeInstanceOf(OutputClosedError);
  });

  it('ends with the stream error', async () => {
    const out = stuckStream();
    out.on('error', () => {});
    const waiting = waitForDrain(out);
    out.destroy(new Error('EPIPE'));
    await expect(waiting).rejects.toThrow('EPIPE');
  });

  it('ends with the abort reason when aborted (Cancel), and at once if already aborted', async () => {
    const out = stuckStream();
    const controller = new AbortController();
    const waiting = waitForDrain(out, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBe(controller.signal.reason);
    expect(listenerCount(out)).toBe(0);
    await expect(waitForDrain(out, controller.signal)).rejects.toBe(controller.signal.reason);
  });
});

describe('regression: an export into a stream that stopped taking bytes', () => {
  const project = () => {
    const { project } = projectWithDocument(`Title\n${'word '.repeat(1_000)}`);
    addDocument(project, `Second\n${'mot '.repeat(1_000)}`, 'second.txt');
    return project;
  };

  it.each(['jsonl', 'brat'] as const)('%s: Cancel ends it while it waits for the stream', async (format) => {
    const controller = new AbortController();
    const exporting = exportDataset(project(), format, stuckStream(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await exporting.catch((caught: unknown) => caught);
    expect(error).toBe(controller.signal.reason);
  });

  it.each(['jsonl', 'brat'] as const)('%s: the stream closing ends it', async (format) => {
    const out = stuckStream();
    const exporting = exportDataset(project(), format, out);
    setTimeout(() => out.destroy(), 50);
    await expect(exporting).rejects.toBeInstanceOf(OutputClosedError);
  });
});
