import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveProjectCopy, suggestedCopyPath } from '../state/actions/projectCopy';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';

/**
 * File → Save a copy…: asks where (a path, or the native dialog in the desktop app). The copy is made by
 * SQLite and holds every saved change; copying the project file by hand while it is open may not.
 */
export function SaveCopyDialog() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const info = useAppState((s) => s.info);
  const [path, setPath] = useState(() => suggestedCopyPath(info?.project?.path ?? 'project.spanlight'));
  const [busy, setBusy] = useState(false);
  const save = async (target: string | null) => {
    setBusy(true);
    await saveProjectCopy(store, target);
    setBusy(false);
  };
  return (
    <Dialog title={t('saveCopy.title')} onClose={() => store.closeDialog()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(path);
        }}
      >
        <label className="field">
          {t('saveCopy.copyTo')}
          <input
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            aria-label={t('saveCopy.path')}
            dir="ltr"
          />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('saveCopy.save')}
          </button>
          {info?.mode === 'electron' && (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              {t('common:action.choose')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
