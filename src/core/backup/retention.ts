/**
 * Which backups to keep, as a pure function so the rule is tested without files or clocks. The rule is Actual
 * Budget's: the 3 newest from today, the newest of each earlier day, 10 in all. Backups taken before a
 * migration or a restore are the ones a user reaches for after something went wrong, so rolling backups
 * never push them out; they are kept apart, the newest few of each kind.
 */
import type { BackupReason } from '@shared/model';

export const RETENTION = {
  today: 3,
  total: 10,
  /** How many of each pinned kind are kept, apart from the rolling ones. */
  pinnedPerReason: 3,
} as const;

const PINNED: ReadonlySet<BackupReason> = new Set(['before-migration', 'before-restore']);

export interface DatedBackup {
  id: string;
  /** Milliseconds since the epoch. */
  takenAt: number;
  reason: BackupReason;
}

/** The user's calendar day (local time), as a sortable key. */
function localDay(ms: number): string {
  const date = new Date(ms);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

/** The ids to delete so that what remains follows the rule; `now` decides what "today" is. */
export function backupsToDelete(backups: readonly DatedBackup[], now: number): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : -1));
  const keep = new Set<string>();

  for (const reason of PINNED) {
    newestFirst
      .filter((b) => b.reason === reason)
      .slice(0, RETENTION.pinnedPerReason)
      .forEach((b) => keep.add(b.id));
  }

  const today = localDay(now);
  const daysSeen = new Set<string>();
  let rolling = 0;
  let fromToday = 0;
  for (const backup of newestFirst) {
    if (PINNED.has(backup.reason) || rolling >= RETENTION.total) continue;
    const day = localDay(backup.takenAt);
    // A backup dated after `now` (a clock moved back) counts as today's rather than being lost.
    const isToday = day === today || backup.takenAt > now;
    if (isToday ? fromToday >= RETENTION.today : daysSeen.has(day)) continue;
    if (isToday) fromToday++;
    else daysSeen.add(day);
    keep.add(backup.id);
    rolling++;
  }

  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
