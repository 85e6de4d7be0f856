/**
 * How the command line opens a project. It writes nothing into the user's home or data folder: a project from
 * an older Spanlight is copied, as it was, before its migration changes it, next to the project
 * (`<name>.before-v<N>.spanlight`, N the version it is upgraded to) or into the folder `--backup-dir` names,
 * never over an existing file, and the command says where the copy went.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { snapshotWithVacuum } from '../core/backup/snapshot';
import type { BeforeMigrate } from '../core/db/connection';
import { PROJECT_EXTENSION, Project } from '../core/project/project';

/** The first free name for the copy of `projectPath` taken before it is upgraded to version `to`. */
export function migrationBackupPath(projectPath: string, to: number, backupDir?: string): string {
  const dir = resolve(backupDir ?? dirname(projectPath));
  const stem = `${basename(projectPath, extname(projectPath))}.before-v${to}`;
  let candidate = join(dir, stem + PROJECT_EXTENSION);
  for (let n = 2; existsSync(candidate); n++) candidate = join(dir, `${stem}-${n}${PROJECT_EXTENSION}`);
  return candidate;
}

function backUpBesideProject(
  projectPath: string,
  backupDir: string | undefined,
  note: (line: string) => void,
): BeforeMigrate {
  return (db, { from, to }) => {
    if (backupDir) mkdirSync(backupDir, { recursive: true });
    const target = migrationBackupPath(projectPath, to, backupDir);
    snapshotWithVacuum(db, target);
    note(
      `${basename(projectPath)} is from an older Spanlight (schema ${from}) and is upgraded to schema ${to}; a copy as it was is at ${target}`,
    );
  };
}

/** Opens an existing project for one command; `note` hears where the copy taken before a migration went. */
export function openProject(
  path: string,
  backupDir: string | undefined,
  note: (line: string) => void,
): Project {
  return Project.open(path, undefined, { beforeMigrate: backUpBesideProject(path, backupDir, note) });
}
