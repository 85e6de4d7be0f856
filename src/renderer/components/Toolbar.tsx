import { useTranslation } from 'react-i18next';
import { THEME_CHOICES, type DocumentStatus } from '@shared/model';
import { useAppState, useAppStore } from '../state/useStore';
import { SaveIndicator } from './SaveIndicator';
import { StatusOptions } from './StatusOptions';
import type { FilePickers } from './useFilePickers';
import { keyHint, withKey } from './keyHints';
import { VisibleText, visibleText } from './VisibleText';
import { MenuButton } from './MenuButton';
import { THEME_NAMES } from './ThemeSwitch';
import { CompareButton } from './compare/CompareButton';

/** Buttons keep the article selection: a mousedown on them must not move focus out of the text. */
const keepSelection = (event: React.MouseEvent) => event.preventDefault();

export function Toolbar({ pickers }: { pickers: FilePickers }) {
  const { t: compareT } = useTranslation('compare');
  const store = useAppStore();
  const { t } = useTranslation('team');
  const project = useAppState((s) => s.info?.project);
  const labels = useAppState((s) => s.labels);
  const open = useAppState((s) => s.open);
  const themeChoice = useAppState((s) => s.info?.theme ?? 'system');
  const canTag = useAppState((s) => Boolean(s.selection) || Boolean(s.selectedAnnotationId));

  return (
    <header className="toolbar">
      <div className="toolbar-group">
        <strong className="project-name" title={visibleText(project?.path ?? '')}>
          <VisibleText text={project?.name ?? ''} />
        </strong>
        {project?.readOnly && (
          <span
            className="status-badge read-only-badge"
            title="The project file cannot be written: you can read, search and export, not change it"
          >
            Read-only
          </span>
        )}
        <MenuButton
          label="File"
          className="file-menu"
          items={[
            { label: 'Import files…', onSelect: () => pickers.importFiles() },
            { label: 'Import folder…', onSelect: () => pickers.importFolder() },
            { label: t('menu.merge'), onSelect: () => store.openDialog('merge') },
            { label: 'Export…', onSelect: () => store.openDialog('export') },
            { label: 'Export JSONL', onSelect: () => pickers.exportDataset('jsonl') },
            { label: 'Export CSV', onSelect: () => pickers.exportDataset('csv') },
            { label: 'Labels…', onSelect: () => store.openDialog('labels') },
            { label: 'Claim board…', onSelect: () => store.openDialog('board') },
            { label: compareT('menuCompare'), onSelect: () => void store.openComparison() },
            { label: compareT('menuAgreement'), onSelect: () => store.showScreen('agreement') },
            { label: 'Backups…', onSelect: () => store.openDialog('backups') },
            { label: 'Save a copy…', onSelect: () => store.openDialog('save-copy') },
            { label: 'Switch project…', onSelect: () => store.showProjectPicker() },
            ...THEME_CHOICES.map((theme) => ({
              label: `Theme: ${THEME_NAMES[theme]}`,
              checked: theme === themeChoice,
              onSelect: () => void store.setTheme(theme),
            })),
          ]}
        />
        <button className="toolbar-extra" onClick={() => pickers.importFiles()}>
          Import
        </button>
        <button
          className="toolbar-secondary"
          onClick={() => store.openDialog('export')}
          title="Export the dataset: choose a format and a filter"
        >
          Export…
        </button>
        <button
          className="search-button"
          onClick={() => store.openDialog('search')}
          title={withKey('Search articles and annotations', 'search')}
        >
          Search <kbd>{keyHint('search')}</kbd>
        </button>
        <button
          className="toolbar-secondary"
          onClick={() => store.openDialog('labels')}
          title="Edit the project's labels"
        >
          Labels…
        </button>
        <CompareButton />
        <button
          className="toolbar-secondary"
          onClick={() => store.openDialog('board')}
          title={withKey('The claim board: who reports which figure, by topic', 'claimBoard')}
        >
          Board
        </button>
        <button
          onClick={() => store.openDialog('help')}
          title={withKey('Keyboard cheat sheet', 'help')}
          aria-label="Keyboard help"
        >
          <kbd>{keyHint('help')}</kbd>
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="Labels">
        {labels.map((label) => (
          <button
            key={label.id}
            className="label-button"
            data-label={label.name}
            disabled={!open || !canTag}
            onMouseDown={keepSelection}
            onClick={() => void store.applyLabel(label.id)}
            title={`Tag the selection as ${visibleText(label.name)}${label.hotkey ? ` (key ${label.hotkey})` : ''}`}
          >
            <span className="swatch" ref={(el) => el?.style.setProperty('--label-color', label.color)} />
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
          title={withKey('Undo', 'undo')}
        >
          Undo
        </button>
        <button
          onMouseDown={keepSelection}
          onClick={() => void store.redo()}
          disabled={!open}
          title={withKey('Redo', 'redo')}
        >
          Redo
        </button>
        {open && (
          <label className="status-select">
            <span className="control-name">Status</span>{' '}
            <select
              title={`Document status (${keyHint('markDone')}: done, ${keyHint('markSkipped')}: skipped, ${keyHint('nextUnfinished')}: next unfinished)`}
              value={open.document.status}
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
