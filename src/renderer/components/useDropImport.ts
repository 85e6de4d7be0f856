import { useEffect, useState } from 'react';
import { useAppStore } from '../state/useStore';
import { filesFromDrop, readFiles } from './fileReading';
import { said } from '../i18n/said';
import { saidNotice } from '../state/slices/ui';

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
          store.showNotice(
            saidNotice('error', said('common', 'notice.dropUnreadable', { message: error.message })),
          ),
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
