/**
 * Copies committed changes from the -wal into the project file itself shortly after the last commit, while
 * the app is idle. Until a checkpoint, an acknowledged change lives only in the -wal beside the file: a plain
 * copy of the project file (a file manager, a sync folder, an email attachment) would not hold it. PASSIVE:
 * it never waits for another connection (an export's read snapshot, a second window), so the app never
 * freezes on it; what a reader still needs is copied at a later checkpoint.
 */
import type { Db } from './connection';

/** Long enough that a burst of changes (an import, quick tagging) checkpoints once, short enough to beat a copy. */
export const IDLE_CHECKPOINT_MS = 250;

export class IdleCheckpoint {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly delayMs = IDLE_CHECKPOINT_MS,
  ) {}

  /** After each commit: (re)starts the wait. */
  afterCommit(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.delayMs);
    // The command line exits when its work is done; closing the database checkpoints anyway.
    this.timer.unref();
  }

  /** Runs a pending checkpoint now (for tests, and before a copy is taken). */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.run();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): void {
    this.timer = null;
    if (!this.db.open || this.db.inTransaction) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Only an early copy into the main file: SQLite checkpoints by itself later and on close.
    }
  }
}
