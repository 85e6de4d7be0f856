import { useTranslation } from 'react-i18next';
import { LANGUAGE_CHOICES, THEME_CHOICES, type DocumentStatus } from '@shared/model';
import { useAppState, useAppStore } from '../state/useStore';
import { SaveIndicator } from './SaveIndicator';
import { StatusOptions } from './StatusOptions';
import type { FilePickers } from './useFilePickers';
import { keyHint, withKey } from './keyHints';
import { VisibleText, visibleText } from './VisibleText';
import { MenuButton } from './MenuButton';
import { CompareButton } from './compare/CompareButton';
import { useLabelColor } from '../theme/useLabelColor';

/** Buttons keep the article selection: a mousedown on them must not move focus out of the text. */
const keepSelection = (event: React.MouseEvent) => event.preventDefault();

export function Toolbar({ pickers }: { pickers: FilePickers }) {
  const { t } = useTranslation('workbench');
  const { t: compareT } = useTranslation('compare');
  const store = useAppStore();
  const paint = useLabelColor();
  const project = useAppState((s) => s.info?.project);
  const labels = useAppState((s) => s.labels);
  // The status alone, not the open document: its annotations change at every tag, the toolbar need not.
  const status = useAppState((s) => s.open?.document.status ?? null);
  const open = status !== null;
  const themeChoice = useAppState((s) => s.info?.theme ?? 'system');
  const languageChoice = useAppState((s) => s.info?.language ?? 'system');
  const canTag = useAppState((s) => Boolean(s.selection) || Boolean(s.selectedAnnotationId));

  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <strong className="project-name" title={visibleText(project?.path ?? '')}>
          <VisibleText text={project?.name ?? ''} />
        </strong>
        {project?.readOnly && (
          <span className="status-badge read-only-badge" title={t('toolbar.readOnlyTitle')}>
            {t('toolbar.readOnly')}
          </span>
        )}
        <MenuButton
          label={t('file.menu')}
          className="file-menu"
          items={[
            { label: t('file.importFiles'), onSelect: () => pickers.importFiles() },
            { label: t('file.importFolder'), onSelect: () => pickers.importFolder() },
            { label: t('team:menu.merge'), onSelect: () => store.openDialog('merge') },
            { label: t('file.export'), onSelect: () => store.openDialog('export') },
            { label: t('file.exportJsonl'), onSelect: () => pickers.exportDataset('jsonl') },
            { label: t('file.exportCsv'), onSelect: () => pickers.exportDataset('csv') },
            { label: t('file.labels'), onSelect: () => store.openDialog('labels') },
            { label: t('board:menu'), onSelect: () => store.openDialog('board') },
            { label: compareT('menuCompare'), onSelect: () => void store.openComparison() },
            { label: compareT('menuAgreement'), onSelect: () => store.showScreen('agreement') },
            { label: t('file.backups'), onSelect: () => store.openDialog('backups') },
            { label: t('file.saveCopy'), onSelect: () => store.openDialog('save-copy') },
            { label: t('file.switchProject'), onSelect: () => store.showProjectPicker() },
            ...THEME_CHOICES.map((theme) => ({
              label: t('common:theme.menu', { name: t(`common:theme.${theme}`) }),
              checked: theme === themeChoice,
              onSelect: () => void store.setTheme(theme),
            })),
            ...LANGUAGE_CHOICES.map((language) => ({
              label: t('common:language.menu', { name: t(`common:language.${language}`) }),
              checked: language === languageChoice,
              onSelect: () => void store.setLanguage(language),
            })),
          ]}
        />
        <button className="toolbar-extra" onClick={() => pickers.importFiles()}>
          {t('toolbar.import')}
        </button>
        <button
          className="toolbar-secondary"
          onClick={() => store.openDialog('export')}
          title={t('toolbar.exportTitle')}
        >
          {t('toolbar.export')}
        </button>
        <button
          className="search-button"
          onClick={() => store.openDialog('search')}
          title={withKey(t('toolbar.searchTitle'), 'search')}
        >
          {t('toolbar.search')} <kbd>{keyHint('search')}</kbd>
        </button>
        <button
          className="toolbar-secondary"
          onClick={() => store.openDialog('labels')}
          title={t('toolbar.labelsTitle')}
        >
          {t('toolbar.labels')}
        </button>
        <CompareButton />
        {/* Left out first as the window narrows: the File menu and the B key open the board too. */}
        <button
          className="toolbar-extra"
          onClick={() => store.openDialog('board')}
          title={withKey(t('board:toolbarTitle'), 'claimBoard')}
        >
          {t('board:toolbarButton')}
        </button>
        <button
          onClick={() => store.openDialog('help')}
          title={withKey(t('toolbar.helpTitle'), 'help')}
          aria-label={t('toolbar.help')}
        >
          <kbd>{keyHint('help')}</kbd>
        </button>
      </div>
      <div className="toolbar-group label-group" role="group" aria-label={t('toolbar.labelGroup')}>
        {labels.map((label) => (
          <button
            key={label.id}
            className="label-button"
            data-label={label.name}
            disabled={!open || !canTag}
            onMouseDown={keepSelection}
            onClick={() => void store.applyLabel(label.id)}
            title={
              label.hotkey
                ? t('toolbar.tagAsKey', { label: visibleText(label.name), key: label.hotkey })
                : t('toolbar.tagAs', { label: visibleText(label.name) })
            }
          >
            <span
              className="swatch"
              ref={(el) => el?.style.setProperty('--label-color', paint(label.color))}
            />
            <VisibleText text={label.name} />
            {label.hotkey && <kbd>{label.hotkey}</kbd>}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          onMouseDown={keepSelection}
          onClick={() => void store.undo()}
          disabled={!open}
          title={withKey(t('toolbar.undo'), 'undo')}
        >
          {t('toolbar.undo')}
        </button>
        <button
          onMouseDown={keepSelection}
          onClick={() => void store.redo()}
          disabled={!open}
          title={withKey(t('toolbar.redo'), 'redo')}
        >
          {t('toolbar.redo')}
        </button>
        <button
          className="flip-direction"
          onMouseDown={keepSelection}
          onClick={() => store.flipParagraphDirection()}
          disabled={!open}
          aria-label={t('article.flip')}
          title={withKey(t('article.flipTitle'), 'flipDirection')}
        >
          <span aria-hidden="true">⇄</span>
        </button>
        {status !== null && (
          <label className="status-select">
            <span className="control-name">{t('toolbar.status')}</span>{' '}
            <select
              title={t('toolbar.statusTitle', {
                done: keyHint('markDone'),
                skipped: keyHint('markSkipped'),
                next: keyHint('nextUnfinished'),
              })}
              value={status}
              onChange={(e) => void store.setStatus(e.currentTarget.value as DocumentStatus)}
            >
              <StatusOptions />
            </select>
          </label>
        )}
        <SaveIndicator />
      </div>
    </header>
  );
}
