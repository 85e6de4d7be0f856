import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '@shared/menu';
import { ArticleEditor } from '../editor/ArticleEditor';
import { platform } from '../platform/platform';
import type { AppStore } from '../state/store';
import { useAppState, useAppStore } from '../state/useStore';
import { AnnotationPanel } from './AnnotationPanel';
import { DatasetExportDialog, RunningJob } from './DatasetExport';
import { AnnotatorPrompt } from './AnnotatorPrompt';
import { BackupsDialog } from './BackupsDialog';
import { BoardScreen } from './board/BoardScreen';
import { KeyboardHelp } from './KeyboardHelp';
import { LabelSchemaDialog } from './LabelSchemaDialog';
import { LinkBanner } from './LinkBanner';
import { SaveCopyDialog } from './SaveCopyDialog';
import { MergeDialog } from './MergeDialog';
import { useLayerMode, useShownAnnotations } from '../state/useLayers';
import { SearchDialog } from './SearchDialog';
import { DocumentList } from './DocumentList';
import { ErrorBoundary } from './ErrorBoundary';
import { NoticeBar } from './NoticeBar';
import { ProjectPicker } from './ProjectPicker';
import { Toolbar } from './Toolbar';
import { useDropImport } from './useDropImport';
import { useFilePickers } from './useFilePickers';
import { useShortcuts } from './useShortcuts';
import { useNarrowWindow } from './useNarrowWindow';
import { panelShown } from '../state/slices/ui';
import { useTheme } from './ThemeSwitch';
import { AgreementScreen } from './compare/AgreementScreen';
import { ComparisonScreen } from './compare/ComparisonScreen';
import { useLanguage } from './LanguageSwitch';

function runMenuCommand(
  store: AppStore,
  pickers: ReturnType<typeof useFilePickers>,
  command: MenuCommand,
): void {
  switch (command) {
    case 'new-project':
      return void store.chooseProject('create');
    case 'open-project':
      return void store.chooseProject('open');
    case 'import-files':
      return pickers.importFiles();
    case 'import-folder':
      return pickers.importFolder();
    case 'export-jsonl':
      return pickers.exportDataset('jsonl');
    case 'export-csv':
      return pickers.exportDataset('csv');
    case 'export-dataset':
      return store.openDialog('export');
    case 'labels':
      return store.openDialog('labels');
    case 'backups':
      return store.openDialog('backups');
    case 'save-copy':
      return store.openDialog('save-copy');
    case 'merge-annotations':
      return store.openDialog('merge');
    case 'claim-board':
      return store.openDialog('board');
  }
}

export function App() {
  const { t } = useTranslation();
  const store = useAppStore();
  const info = useAppState((s) => s.info);
  const open = useAppState((s) => s.open);
  const labels = useAppState((s) => s.labels);
  const dialog = useAppState((s) => s.dialog);
  const askAnnotator = useAppState((s) => Boolean(s.info?.project && s.info.project.annotator === null));
  const pickers = useFilePickers();
  const hasProject = Boolean(info?.project);
  const dragging = useDropImport(hasProject);
  useShortcuts();
  useTheme();
  useLanguage();
  useNarrowWindow();
  useLayerMode();
  const shownAnnotations = useShownAnnotations();
  const showDocuments = useAppState((s) => panelShown(s, 'documents'));
  const showAnnotations = useAppState((s) => panelShown(s, 'annotations'));
  const screen = useAppState((s) => s.screen);
  useEffect(
    () => platform.onMenuCommand((command) => runMenuCommand(store, pickers, command)),
    [store, pickers],
  );

  if (!info) {
    return <div className="loading">{t('app.starting')}</div>;
  }
  if (!info.project) {
    return (
      <>
        <NoticeBar />
        <ProjectPicker info={info} />
      </>
    );
  }
  if (screen !== 'workbench') {
    // The comparison and agreement screens take the window; Escape or their Back button returns here.
    return (
      <div className="screen-over">
        <div className="message-area">
          <NoticeBar />
        </div>
        <ErrorBoundary key={screen} part="This screen" onClose={() => store.showScreen('workbench')}>
          {screen === 'compare' ? <ComparisonScreen /> : <AgreementScreen />}
        </ErrorBoundary>
      </div>
    );
  }
  return (
    <div className={`workbench${dragging ? ' dragging' : ''}`}>
      <Toolbar pickers={pickers} />
      {/* Messages float in their own area, so one appearing or growing never moves the article. */}
      <div className="message-area">
        <NoticeBar />
        <RunningJob />
        <LinkBanner />
      </div>
      <div
        className={`panes${showDocuments ? '' : ' no-documents'}${showAnnotations ? '' : ' no-annotations'}`}
      >
        {showDocuments && (
          <ErrorBoundary part={t('part.documentList')}>
            <DocumentList />
          </ErrorBoundary>
        )}
        <main className="article-pane">
          {open ? (
            <div className="article-scroll" data-testid="article-scroll">
              <ErrorBoundary key={open.document.id} part={t('part.article')}>
                <ArticleEditor
                  document={open.document}
                  annotations={shownAnnotations}
                  relations={open.relations}
                  labels={labels}
                />
              </ErrorBoundary>
            </div>
          ) : (
            <div className="empty-state">
              <p>{t('app.noDocument')}</p>
              <p>{t('app.importHint')}</p>
            </div>
          )}
        </main>
        {showAnnotations && (
          <ErrorBoundary part={t('part.annotationPanel')}>
            <AnnotationPanel />
          </ErrorBoundary>
        )}
      </div>
      {pickers.inputs}
      {/* A dialog that fails to render says so in its place; Close (or Escape) takes it away. */}
      <ErrorBoundary key={dialog ?? ''} part={t('part.dialog')} onClose={() => store.closeDialog()}>
        {dialog === 'help' && <KeyboardHelp />}
        {dialog === 'labels' && <LabelSchemaDialog />}
        {dialog === 'search' && <SearchDialog />}
        {dialog === 'export' && <DatasetExportDialog />}
        {dialog === 'backups' && <BackupsDialog />}
        {dialog === 'save-copy' && <SaveCopyDialog />}
        {dialog === 'merge' && <MergeDialog />}
        {dialog === 'board' && <BoardScreen />}
      </ErrorBoundary>
      {askAnnotator && !dialog && <AnnotatorPrompt />}
      {dragging && <div className="drop-overlay">{t('app.dropHint')}</div>}
    </div>
  );
}
