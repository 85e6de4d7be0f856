import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@shared/model';
import { useAppStore } from '../state/useStore';
import { LanguageSwitch } from './LanguageSwitch';
import { ThemeSwitch } from './ThemeSwitch';
import { VisibleText } from './VisibleText';

interface PathFormProps {
  title: string;
  initialPath: string;
  inputLabel: string;
  submitLabel: string;
  onSubmit(path: string): void;
  /** The desktop app's native file dialog, when there is one. */
  onChoose?: () => void;
}

function PathForm({ title, initialPath, inputLabel, submitLabel, onSubmit, onChoose }: PathFormProps) {
  const { t } = useTranslation('dialogs');
  const [path, setPath] = useState(initialPath);
  return (
    <>
      <h2>{title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(path);
        }}
      >
        <label>
          {t('picker.projectFile')}
          <input
            value={path}
            dir="ltr"
            onChange={(e) => setPath(e.currentTarget.value)}
            aria-label={inputLabel}
          />
        </label>
        <button type="submit">{submitLabel}</button>
        {onChoose && (
          <button type="button" onClick={onChoose}>
            {t('common:action.choose')}
          </button>
        )}
      </form>
    </>
  );
}

/** Shown when no project is open: create one, open one by path (or dialog in the desktop app), or a recent one. */
export function ProjectPicker({ info }: { info: AppInfo }) {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const desktop = info.mode === 'electron';
  return (
    <div className="project-picker">
      <div className="picker-head">
        <h1>Spanlight</h1>
        <div className="picker-settings">
          <LanguageSwitch />
          <ThemeSwitch />
        </div>
      </div>
      <p className="tagline">{t('picker.tagline')}</p>
      <section>
        <PathForm
          title={t('picker.create')}
          initialPath={info.defaultProjectPath}
          inputLabel={t('picker.newPath')}
          submitLabel={t('picker.createButton')}
          onSubmit={(path) => void store.createProject(path)}
          onChoose={desktop ? () => void store.chooseProject('create') : undefined}
        />
      </section>
      <section>
        <PathForm
          title={t('picker.open')}
          initialPath={info.recentProjects[0] ?? ''}
          inputLabel={t('picker.openPath')}
          submitLabel={t('picker.openButton')}
          onSubmit={(path) => void store.openProject(path)}
          onChoose={desktop ? () => void store.chooseProject('open') : undefined}
        />
        {info.recentProjects.length > 0 && (
          <ul className="recent">
            {info.recentProjects.map((path) => (
              <li key={path}>
                <button className="link-button" onClick={() => void store.openProject(path)}>
                  <bdi dir="ltr">
                    <VisibleText text={path} />
                  </bdi>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('picker.newTo')}</h2>
        <p>{t('picker.sampleText')}</p>
        <button type="button" onClick={() => void store.openSampleProject()}>
          {t('picker.sample')}
        </button>
      </section>
    </div>
  );
}
