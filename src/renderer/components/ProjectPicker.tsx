import { useState } from 'react';
import type { AppInfo } from '@shared/model';
import { useAppStore } from '../state/useStore';
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
          Project file
          <input value={path} onChange={(e) => setPath(e.currentTarget.value)} aria-label={inputLabel} />
        </label>
        <button type="submit">{submitLabel}</button>
        {onChoose && (
          <button type="button" onClick={onChoose}>
            Choose…
          </button>
        )}
      </form>
    </>
  );
}

/** Shown when no project is open: create one, open one by path (or dialog in the desktop app), or a recent one. */
export function ProjectPicker({ info }: { info: AppInfo }) {
  const store = useAppStore();
  const desktop = info.mode === 'electron';
  return (
    <div className="project-picker">
      <div className="picker-head">
        <h1>Spanlight</h1>
        <ThemeSwitch />
      </div>
      <p className="tagline">
        Highlight and tag claims, denials and numbers in news articles. Every change is saved at once.
      </p>
      <section>
        <PathForm
          title="Create a project"
          initialPath={info.defaultProjectPath}
          inputLabel="New project path"
          submitLabel="Create"
          onSubmit={(path) => void store.createProject(path)}
          onChoose={desktop ? () => void store.chooseProject('create') : undefined}
        />
      </section>
      <section>
        <PathForm
          title="Open a project"
          initialPath={info.recentProjects[0] ?? ''}
          inputLabel="Project path to open"
          submitLabel="Open"
          onSubmit={(path) => void store.openProject(path)}
          onChoose={desktop ? () => void store.chooseProject('open') : undefined}
        />
        {info.recentProjects.length > 0 && (
          <ul className="recent">
            {info.recentProjects.map((path) => (
              <li key={path}>
                <button className="link-button" onClick={() => void store.openProject(path)}>
                  <VisibleText text={path} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>New to Spanlight?</h2>
        <p>
          Six short news articles, in Arabic and English, already annotated: look around, then try your own.
        </p>
        <button type="button" onClick={() => void store.openSampleProject()}>
          Open the sample project
        </button>
      </section>
    </div>
  );
}
