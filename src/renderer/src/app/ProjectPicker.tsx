import { useState } from 'react';
import type { AppInfo } from '@shared/model';
import { useAppStore } from '../state/useStore';

/** Shown when no project is open: create one, open one by path (or dialog in the desktop app), or a recent one. */
export function ProjectPicker({ info }: { info: AppInfo }) {
  const store = useAppStore();
  const [createPath, setCreatePath] = useState(info.defaultProjectPath);
  const [openPath, setOpenPath] = useState(info.recentProjects[0] ?? '');
  const desktop = info.mode === 'electron';

  return (
    <div className="project-picker">
      <h1>Spanlight</h1>
      <p className="tagline">Highlight and tag claims, denials and numbers in news articles. Every change is saved at once.</p>
      <section>
        <h2>Create a project</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void store.createProject(createPath);
          }}
        >
          <label>
            Project file
            <input value={createPath} onChange={(e) => setCreatePath(e.currentTarget.value)} aria-label="New project path" />
          </label>
          <button type="submit">Create</button>
          {desktop && (
            <button type="button" onClick={() => void store.chooseProject('create')}>
              Choose…
            </button>
          )}
        </form>
      </section>
      <section>
        <h2>Open a project</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void store.openProject(openPath);
          }}
        >
          <label>
            Project file
            <input value={openPath} onChange={(e) => setOpenPath(e.currentTarget.value)} aria-label="Project path to open" />
          </label>
          <button type="submit">Open</button>
          {desktop && (
            <button type="button" onClick={() => void store.chooseProject('open')}>
              Choose…
            </button>
          )}
        </form>
        {info.recentProjects.length > 0 && (
          <ul className="recent">
            {info.recentProjects.map((path) => (
              <li key={path}>
                <button className="link-button" onClick={() => void store.openProject(path)}>
                  {path}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
