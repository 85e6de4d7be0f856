/**
 * Rolling backups of the open project: one soon after it is opened, then one every 15 minutes while it is being
 * changed. A quarter of an hour of work is the most a damaged disk or a mistaken restore can cost.
 */
import type { BackupInfo, BackupReason } from '@shared/model';
import type { Db } from '../db/connection';
import type { BackupStore } from './backupStore';

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;
/**
 * The backup of the opened project waits this long: copying and checking a large project takes the main
 * process's time (the check of the copy and its flush are synchronous; 0.6 s for 165 MB), and at start that
 * time is what the window waits for to show the document list. The state it backs up is the same.
 */
export const OPEN_BACKUP_DELAY_MS = 10 * 1000;

export class RollingBackups {
  private timer: NodeJS.Timeout | null = null;
  private openTimer: NodeJS.Timeout | null = null;
  private running: Promise<BackupInfo | null> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    readonly store: BackupStore,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {}

  /** Takes the backup of the opened project after `openDelayMs`, then checks for changes every `intervalMs`. */
  start(intervalMs = BACKUP_INTERVAL_MS, openDelayMs = OPEN_BACKUP_DELAY_MS): void {
    this.openTimer = setTimeout(() => void this.backUpIfChanged('open'), openDelayMs);
    this.timer = setInterval(() => void this.backUpIfChanged('scheduled'), intervalMs);
    // A pending backup must not keep the CLI, a test or the browser host alive.
    this.openTimer.unref();
    this.timer.unref();
  }

  /**
   * A backup when the project holds a state no backup holds; one at a time. Never rejects: a failed
   * backup is reported and the next interval tries again, while the user's work goes on.
   */
  backUpIfChanged(reason: Extract<BackupReason, 'open' | 'scheduled'>): Promise<BackupInfo | null> {
    if (this.stopped) return Promise.resolve(null);
    this.running ??= this.run(reason).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops the timer; a backup in progress ends when the project's connection closes, leaving no file. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.openTimer) clearTimeout(this.openTimer);
    this.timer = null;
    this.openTimer = null;
  }

  private async run(reason: BackupReason): Promise<BackupInfo | null> {
    try {
      if (!this.store.needsBackup(this.db)) return null;
      return await this.store.create(this.db, reason);
    } catch (error) {
      if (!this.stopped) this.warn(`Backup (${reason}) of the project failed: ${(error as Error).message}`);
      return null;
    }
  }
}
