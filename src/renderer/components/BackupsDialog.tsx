import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo } from '@shared/model';
import { useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { formatDate, formatSize } from '../i18n/format';
import { said } from '../i18n/said';
import { saidNotice } from '../state/slices/ui';

const when = (iso: string) => formatDate(iso, undefined, true);

/**
 * File → Backups…: the open project's backups, newest first, each restored with one click. Restoring backs
 * up the current state first, so a restore is undone the same way.
 */
export function BackupsDialog() {
  const { t } = useTranslation('dialogs');
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
    store.showNotice(saidNotice('info', said('common', 'notice.restored', { when: when(backup.takenAt) })));
  };

  return (
    <Dialog title={t('backups.title')} onClose={() => store.closeDialog()} wide>
      <div className="stack">
        <p className="muted">{t('backups.text')}</p>
        <div className="row">
          <button onClick={() => void backUpNow()} disabled={busy}>
            {t('backups.now')}
          </button>
        </div>
        {backups === null ? (
          <p className="muted">{t('backups.loading')}</p>
        ) : backups.length === 0 ? (
          <p className="muted">{t('backups.none')}</p>
        ) : (
          <table className="backups-table" aria-label={t('backups.title')}>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.id} data-testid="backup-row">
                  <td>{when(backup.takenAt)}</td>
                  <td className="muted">{t(`backups.reason.${backup.reason}`)}</td>
                  <td>
                    {t('backups.contents', {
                      documents: t('common:count.documents', { count: backup.documents }),
                      annotations: t('common:count.annotations', { count: backup.annotations }),
                    })}
                  </td>
                  <td className="muted">{formatSize(backup.sizeBytes)}</td>
                  <td>
                    <button onClick={() => void restore(backup)} disabled={busy}>
                      {t('backups.restore')}
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
