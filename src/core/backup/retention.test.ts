import { describe, expect, it } from 'vitest';
import type { BackupReason } from '@shared/model';
import { backupsToDelete, type DatedBackup } from './retention';

/** Local time, as the user's calendar sees it: day `day` of January 2024 at `hour`:`minute`. */
const at = (day: number, hour: number, minute = 0) => new Date(2024, 0, day, hour, minute).getTime();
const NOW = at(20, 18);

function backup(id: string, takenAt: number, reason: BackupReason = 'scheduled'): DatedBackup {
  return { id, takenAt, reason };
}

/** The ids that survive, newest first. */
function kept(backups: DatedBackup[], now = NOW): string[] {
  const deleted = new Set(backupsToDelete(backups, now));
  return [...backups]
    .sort((a, b) => b.takenAt - a.takenAt)
    .map((b) => b.id)
    .filter((id) => !deleted.has(id));
}

describe('backupsToDelete', () => {
  it('deletes nothing when there is nothing', () => {
    expect(backupsToDelete([], NOW)).toEqual([]);
  });

  it('keeps the 3 newest from today', () => {
    const today = [9, 10, 11, 12, 13].map((hour) => backup(`t${hour}`, at(20, hour)));
    expect(kept(today)).toEqual(['t13', 't12', 't11']);
    expect(backupsToDelete(today, NOW).sort()).toEqual(['t10', 't9']);
  });

  it('keeps the newest of each earlier day, 10 in all, the oldest days going first', () => {
    const backups: DatedBackup[] = [];
    for (let day = 5; day <= 20; day++) {
      for (const hour of [8, 12, 16, 17]) backups.push(backup(`d${day}h${hour}`, at(day, hour)));
    }
    expect(kept(backups)).toEqual([
      'd20h17',
      'd20h16',
      'd20h12', // 3 from today
      'd19h17',
      'd18h17',
      'd17h17',
      'd16h17',
      'd15h17',
      'd14h17',
      'd13h17', // then one a day
    ]);
  });

  it('counts days by the local calendar: 23:59 and 00:01 are two days', () => {
    const backups = [
      backup('late', at(18, 23, 59)),
      backup('early', at(19, 0, 1)),
      backup('earlier', at(19, 0, 0)),
    ];
    expect(kept(backups)).toEqual(['early', 'late']);
  });

  it('never lets rolling backups push out the copies taken before a migration or a restore', () => {
    const backups = [
      backup('migration', at(1, 9), 'before-migration'),
      backup('restore', at(2, 9), 'before-restore'),
      ...Array.from({ length: 30 }, (_, i) => backup(`rolling${i}`, at(20, 0, i), i % 2 ? 'open' : 'manual')),
    ];
    const survivors = kept(backups);
    expect(survivors).toContain('migration');
    expect(survivors).toContain('restore');
    expect(survivors.filter((id) => id.startsWith('rolling'))).toEqual([
      'rolling29',
      'rolling28',
      'rolling27',
    ]);
  });

  it('keeps the 3 newest copies of each pinned kind', () => {
    const backups = [1, 2, 3, 4, 5].flatMap((day) => [
      backup(`m${day}`, at(day, 9), 'before-migration'),
      backup(`x${day}`, at(day, 10), 'before-restore'),
    ]);
    expect(kept(backups)).toEqual(['x5', 'm5', 'x4', 'm4', 'x3', 'm3']);
  });

  it('keeps a backup dated after now (a clock set back) as one of today', () => {
    const backups = [backup('future', at(21, 9)), backup('today', at(20, 9)), backup('yesterday', at(19, 9))];
    expect(kept(backups)).toEqual(['future', 'today', 'yesterday']);
  });
});
