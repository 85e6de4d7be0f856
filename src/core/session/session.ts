/**
 * The state of one running app: which project is open, the user's settings, and the native dialogs when the
 * shell has them. Shared by the Electron shell and the browser host; only `dialogs` differs.
 */
import { join } from 'node:path';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { ExportFormat } from '@shared/model';
import { BackupStore, backUpBeforeMigrating, backupDirFor } from '../backup/backupStore';
import { restoreBackupInto } from '../backup/restore';
import { RollingBackups } from '../backup/rollingBackups';
import { JobRegistry } from '../jobs/jobRegistry';
import { PROJECT_EXTENSION, Project } from '../project/project';
import { SAMPLE_PROJECT_FILE, ensureSampleProject } from '../project/sampleProject';
import { SettingsStore } from './settings';

/** Native dialogs; absent in the browser host, where the renderer uses its own file inputs. */
export interface Dialogs {
  chooseProjectPath(mode: 'open' | 'create'): Promise<string | null>;
  chooseImportPaths(kind: 'files' | 'folder'): Promise<string[] | null>;
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  chooseCopyPath(suggestedName: string): Promise<string | null>;
  /** File → Merge annotations…: another project or a canonical JSONL export. */
  chooseMergeSource?(): Promise<string | null>;
}

export type AppMode = 'electron' | 'browser';

export class AppSession {
  private current: Project | null = null;
  readonly settings: SettingsStore;
  /** Long imports and exports, followed by the renderer (src/core/jobs). */
  readonly jobs = new JobRegistry();

  constructor(
    readonly mode: AppMode,
    readonly dataDir: string,
    readonly dialogs: Dialogs | null = null,
    /** resources/samples, found by the shell at run time; null where the app ships without it. */
    readonly samplesDir: string | null = null,
  ) {
    this.settings = new SettingsStore(dataDir);
  }

  get project(): Project | null {
    return this.current;
  }

  requireProject(): Project {
    if (!this.current) throw new AppError('no_project', errorMessage('project.none'));
    return this.current;
  }

  get defaultProjectPath(): string {
    return join(this.dataDir, 'projects', `My project${PROJECT_EXTENSION}`);
  }

  openProject(path: string): Project {
    const beforeMigrate = backUpBeforeMigrating(backupDirFor(this.dataDir, path));
    return this.switchTo(Project.open(path, undefined, { beforeMigrate }));
  }

  createProject(path: string): Project {
    const withExtension = path.endsWith(PROJECT_EXTENSION) ? path : path + PROJECT_EXTENSION;
    return this.switchTo(Project.create(withExtension));
  }

  /** Opens the sample project in the data folder, building it from the sample articles the first time. */
  openSampleProject(): Project {
    if (!this.samplesDir) throw new AppError('unsupported', errorMessage('samples.none'));
    const path = join(this.dataDir, 'projects', SAMPLE_PROJECT_FILE);
    ensureSampleProject(this.samplesDir, path);
    return this.openProject(path);
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
    this.rolling?.stop();
    this.rolling = null;
    this.current?.close();
    this.current = null;
  }

  private switchTo(project: Project): Project {
    this.close();
    this.current = project;
    if (project.path) {
      this.settings.rememberProject(project.path);
      this.rolling = new RollingBackups(
        project.db,
        new BackupStore(backupDirFor(this.dataDir, project.path)),
      );
      this.rolling.start();
    }
    return project;
  }

  // --- backups (src/core/backup) ---------------------------------------------------------------------------

  private rolling: RollingBackups | null = null;
  private restoring = false;

  /** The backups of the open project. */
  backups(): BackupStore {
    this.requireProject();
    if (!this.rolling) throw new AppError('unsupported', errorMessage('backup.inMemory'));
    return this.rolling.store;
  }

  /**
   * Replaces the open project's content with backup `id`, under one write lock from the backup of the current
   * state (so a restore can itself be undone) to the check of the result (src/core/backup/restore.ts). The
   * project stays open; when another program holds the lock too long the answer is "in use", nothing changed.
   */
  async restoreBackup(id: string): Promise<Project> {
    const project = this.requireProject();
    const store = this.backups();
    if (this.restoring) throw new AppError('project_in_use', errorMessage('backup.restoring'));
    if (project.readOnly) {
      throw new AppError('read_only', errorMessage('backup.readOnly', { name: project.name }));
    }
    const source = store.pathOf(id);
    this.restoring = true;
    try {
      restoreBackupInto(
        {
          db: project.db,
          path: project.path!,
          backUpCurrentState: (committed) => store.createSynchronously(committed, 'before-restore'),
        },
        source,
      );
      return project;
    } finally {
      this.restoring = false;
    }
  }
}
