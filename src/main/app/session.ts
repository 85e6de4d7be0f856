/**
 * The state of one running app: which project is open, the user's settings, and the native dialogs when the
 * shell has them. Shared by the Electron shell and the browser host; only `dialogs` differs.
 */
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import type { ExportFormat } from '@shared/model';
import { PROJECT_EXTENSION, Project } from '../project/project';
import { SettingsStore } from './settings';

/** Native dialogs; absent in the browser host, where the renderer uses its own file inputs. */
export interface Dialogs {
  chooseProjectPath(mode: 'open' | 'create'): Promise<string | null>;
  chooseImportPaths(kind: 'files' | 'folder'): Promise<string[] | null>;
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
}

export type AppMode = 'electron' | 'browser';

export class AppSession {
  private current: Project | null = null;
  readonly settings: SettingsStore;

  constructor(
    readonly mode: AppMode,
    readonly dataDir: string,
    readonly dialogs: Dialogs | null = null,
  ) {
    this.settings = new SettingsStore(dataDir);
  }

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new AppError('no_project', 'No project is open');
    return this.current;
  }

  get defaultProjectPath(): string {
    return join(this.dataDir, 'projects', `My project${PROJECT_EXTENSION}`);
  }

  openProject(path: string): Project {
    return this.switchTo(Project.open(path));
  }

  createProject(path: string): Project {
    const withExtension = path.endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;
    return this.switchTo(Project.create(withExtension));
  }

  /** Reopens the last project, if it still opens; a failure leaves the app on the project picker. */
  restoreLastProject(): void {
    const last = this.settings.get().lastProject;
    if (!last) return;
    try {
      this.openProject(last);
    } catch (error) {
      console.warn(`Could not reopen ${last}: ${(error as Error).message}`);
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  private switchTo(project: Project): Project {
    this.current?.close();
    this.current = project;
    if (project.path) this.settings.rememberProject(project.path);
    return project;
  }
}
