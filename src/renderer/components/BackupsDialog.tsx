import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupReason } from '@shared/model';
import { useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { countOf } from './plural';

const REASONS: Record<BackupReason, string> = {
  open: 'when opened',
  scheduled: 'every 15 minutes of work',
  manual: 'by hand',
  'before-migration': 'before an upgrade',
  'before-restore': 'before a restore',
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * File → Backups…: the open project's backups, newest first, each restored with one click. Restoring backs
 * up the current state first, so a restore is undone the same way.
 */
export function BackupsDialog() {
  const store = useAppStore();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(async () => setBackups((await store.call('backups:list', {})) ?? []), [store]);
  useEffect(() => void refresh(), [refresh]);

  const backUpNow = async () => {
    setBusy(true);
    await store.call('backups:create', {});
    await refresh();
    setBusy(false);
  };

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    const restored = await store.call('backups:restore', { id: backup.id });
    setBusy(false);
    if (!restored) return;
    store.closeDialog();
    await store.load();
    store.showNotice({
      kind: 'info',
      text: `Restored the backup of ${when(backup.takenAt)}. The project as it was just before is itself a backup now.`,
      details: [],
    });
  };

  return (
    <Dialog title="Backups" onClose={() => store.closeDialog()} wide>
      <div className="stack">
        <p className="muted">
          Spanlight backs up this project when you open it, every 15 minutes while you work, and before an
          upgrade: the three newest from today, one a day before that, ten in all. They are kept in your
          Spanlight data folder, apart from the project.
        </p>
        <div className="row">
          <button onClick={() => void backUpNow()} disabled={busy}>
            Back up now
          </button>
        </div>
        {backups === null ? (
          <p className="muted">Loading…</p>
        ) : backups.length === 0 ? (
          <p className="muted">No backups yet.</p>
        ) : (
          <table className="backups-table" aria-label="Backups">
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.id} data-testid="backup-row">
                  <td>{when(backup.takenAt)}</td>
                  <td className="muted">{REASONS[backup.reason]}</td>
                  <td>
                    {countOf(backup.documents, 'document')}, {countOf(backup.annotations, 'annotation')}
                  </td>
                  <td className="muted">{size(backup.sizeBytes)}</td>
                  <td>
                    <button onClick={() => void restore(backup)} disabled={busy}>
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </Dialog>
  );
}
