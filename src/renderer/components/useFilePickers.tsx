import { useMemo, useRef, type ReactNode } from 'react';
import { IMPORTABLE_EXTENSIONS } from '@shared/datasets';
import type { ExportFormat } from '@shared/model';
import { i18n } from '../i18n/i18n';
import { platform } from '../platform/platform';
import { useAppStore } from '../state/useStore';
import { runExport } from './DatasetExport';
import { filesFromInput, readFiles } from './fileReading';

export interface FilePickers {
  importFiles(): void;
  importFolder(): void;
  exportDataset(format: ExportFormat): void;
  /** Hidden inputs the browser needs for its file pickers; render once. */
  inputs: ReactNode;
}

/** Said before the browser's folder chooser opens, which asks to "upload" and ignores a typed path. */
export function folderInBrowser() {
  const t = (key: string) => i18n.t(`notice.${key}`, { ns: 'common' });
  return {
    kind: 'info' as const,
    text: t('folderInBrowser'),
    details: [t('folderUpload'), t('folderTyped')],
  };
}

/**
 * Import and export through the platform's own means: native dialogs in the desktop app (paths read in main),
 * file inputs and a streamed download in the browser. Both run as jobs (src/core/jobs).
 */
export function useFilePickers(): FilePickers {
  const store = useAppStore();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  return useMemo(() => {
    const onPicked = (input: HTMLInputElement, fromFolder: boolean) => {
      if (!input.files) return;
      const picked = filesFromInput(input.files, fromFolder);
      input.value = '';
      void readFiles(picked).then((files) => store.importFiles(files));
    };
    const setFolderAttributes = (input: HTMLInputElement | null) => {
      // React does not know these attributes; they make the picker choose a folder.
      input?.setAttribute('webkitdirectory', '');
      input?.setAttribute('directory', '');
    };
    return {
      importFiles: () =>
        platform.kind === 'electron' ? void store.chooseImport('files') : filesInput.current?.click(),
      importFolder: () => {
        if (platform.kind === 'electron') return void store.chooseImport('folder');
        // The browser's own wording ("Upload 5 files to this site?") and its chooser leave users guessing.
        store.showNotice(folderInBrowser());
        folderInput.current?.click();
      },
      exportDataset: (format) => void runExport(store, format, {}),
      inputs: (
        <>
          <input
            ref={filesInput}
            type="file"
            multiple
            accept={[...IMPORTABLE_EXTENSIONS.map((ext) => `.${ext}`), 'text/plain'].join(',')}
            hidden
            data-testid="import-files-input"
            onChange={(e) => onPicked(e.currentTarget, false)}
          />
          <input
            ref={(input) => {
              folderInput.current = input;
              setFolderAttributes(input);
            }}
            type="file"
            hidden
            data-testid="import-folder-input"
            onChange={(e) => onPicked(e.currentTarget, true)}
          />
        </>
      ),
    };
  }, [store]);
}
