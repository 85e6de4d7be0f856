import { useState } from 'react';
import { saveProjectCopy, suggestedCopyPath } from '../state/actions/projectCopy';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';

/**
 * File → Save a copy…: asks where (a path, or the native dialog in the desktop app). The copy is made by
 * SQLite and holds every saved change; copying the project file by hand while it is open may not.
 */
export function SaveCopyDialog() {
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
    <Dialog title="Save a copy" onClose={() => store.closeDialog()}>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save(path);
        }}
      >
        <label>
          Copy to
          <input
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            aria-label="Path of the copy"
          />
        </label>
        <div className="row">
          <button type="submit" disabled={busy}>
            Save copy
          </button>
          {info?.mode === 'electron' && (
            <button type="button" disabled={busy} onClick={() => void save(null)}>
              Choose…
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
