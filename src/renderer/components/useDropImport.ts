import { useEffect, useState } from 'react';
import { i18n } from '../i18n/i18n';
import { useAppStore } from '../state/useStore';
import { filesFromDrop, readFiles } from './fileReading';

/** Files and folders dropped anywhere on the window are imported; returns whether a drag is over it. */
export function useDropImport(enabled: boolean): boolean {
  const store = useAppStore();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const onDragLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      setDragging(false);
      const transfer = event.dataTransfer;
      void filesFromDrop(transfer)
        .then(readFiles)
        .then((files) => store.importFiles(files))
        .catch((error: Error) =>
          store.showNotice({
            kind: 'error',
            text: i18n.t('notice.dropUnreadable', { ns: 'common', message: error.message }),
            details: [],
          }),
        );
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('dragleave', onDragLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('dragleave', onDragLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled, store]);
  return dragging;
}
