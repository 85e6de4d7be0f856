/**
 * What a torture worker tells its parent, one JSON object a line on stdout. A line is written with one
 * synchronous write right after the transaction it reports has committed, so a line the parent received in
 * full is a change acknowledged to the caller; a line cut short by the kill acknowledges nothing.
 */
import { writeSync } from 'node:fs';
import type { Annotation } from '@shared/model';

export type AnnotationIntent =
  | { op: 'create'; documentId: string; start: number; end: number; labelId: string; note: string }
  | { op: 'relabel'; id: string; labelId: string }
  | { op: 'note'; id: string; note: string }
  | { op: 'delete'; id: string };

export type WorkerLine =
  /** The worker reached the work under test (its project is open, or is about to be): the kill clock starts. */
  | { kind: 'started' }
  /** Sent before each change, so the parent knows which change the kill may have caught in flight. */
  | { kind: 'intent'; intent: AnnotationIntent }
  /** The change committed: the annotation's state now, or null when deleted. */
  | { kind: 'ack'; id: string; state: Annotation | null }
  /** One file's import committed (or was skipped or rejected, writing nothing). */
  | { kind: 'imported'; fileName: string }
  /** One source document's merge committed (its layers merged, left alone, or the document reported). */
  | { kind: 'merged'; where: string }
  /** `Project.open` returned: the project is migrated, at this schema version. */
  | { kind: 'opened'; schemaVersion: number }
  | { kind: 'done' };

export function writeLine(line: WorkerLine): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      // A full pipe on a non-blocking descriptor: the parent is reading, try again.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** The complete lines of a worker's output; a last line without its newline was cut by the kill. */
export function parseLines(stdout: string): WorkerLine[] {
  const complete = stdout.slice(0, stdout.lastIndexOf('\n') + 1);
  return complete
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as WorkerLine);
}
