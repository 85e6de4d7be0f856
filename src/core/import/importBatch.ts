/**
 * Files written to the project together, in one transaction. A commit is what an import of many small files
 * pays most for (synchronous=FULL flushes the WAL to disk each time), so files share one: up to
 * FILES_PER_TRANSACTION of them, fewer when their text is large, since it is held in memory until written.
 * Each file still writes inside a savepoint of its own (the importer's nested `Project.transaction`).
 *
 * A file enters the report (imported, skipped or rejected) only once the transaction holding it has committed,
 * and only then is it passed to `onCommitted`: whatever the report, a job's progress or a caller says is
 * imported is on disk, and a crash takes back only files nobody was told about. A write that throws rolls its
 * whole batch back (none of its files was reported) and ends the import; the batches before it stay.
 */
import type { ImportReport } from '@shared/model';
import { refreshPlannerStatistics } from '../db/connection';
import type { Project } from '../project/project';

/** Enough that the commit's flush is a small part of each file's cost (measured: 500 files of 4 KB, 0.63× to 0.83× the baseline). */
export const FILES_PER_TRANSACTION = 500;

/** UTF-16 units of text held before a batch is written: 32 MB of strings, whatever the sizes of the files. */
const MAX_HELD_TEXT = 16 * 2 ** 20;

export function emptyReport(): ImportReport {
  return { imported: [], skipped: [], rejected: [] };
}

/** One at a time: a JSON Lines file can bring more documents than a call can take arguments. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

interface PendingFile {
  fileName: string;
  write(report: ImportReport): void;
}

export class ImportBatch {
  private pending: PendingFile[] = [];
  private heldText = 0;

  constructor(
    private readonly project: Project,
    private readonly report: ImportReport,
    private readonly filesPerTransaction = FILES_PER_TRANSACTION,
    private readonly onCommitted?: (fileNames: string[]) => void,
  ) {}

  /** Queues a file's write (`heldText`: the length of the text it holds in memory); writes the batch when full. */
  add(fileName: string, heldText: number, write: (report: ImportReport) => void): void {
    this.pending.push({ fileName, write });
    this.heldText += heldText;
    if (this.pending.length >= this.filesPerTransaction || this.heldText >= MAX_HELD_TEXT) this.commit();
  }

  /** Writes the queued files in one transaction, then reports them. */
  commit(): void {
    const files = this.pending;
    // Taken off before writing: after a failed commit these files are neither retried nor reported.
    this.pending = [];
    this.heldText = 0;
    if (files.length === 0) return;
    const outcome = emptyReport();
    this.project.transaction(() => {
      for (const file of files) file.write(outcome);
    });
    append(this.report.imported, outcome.imported);
    append(this.report.skipped, outcome.skipped);
    append(this.report.rejected, outcome.rejected);
    this.onCommitted?.(files.map((file) => file.fileName));
    // An import can grow the project tenfold: the planner's statistics follow, or exports scan whole tables.
    refreshPlannerStatistics(this.project.db);
  }
}
