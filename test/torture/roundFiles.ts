/** The project a torture round works on, and the files SQLite keeps beside it. */
import { copyFileSync, rmSync } from 'node:fs';

/** Removes a project and its -wal and -shm, whatever of them a killed round left. */
export function removeProject(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** A fresh round: `path` becomes a copy of `template`, which is closed (one file, no -wal: a plain copy is whole). */
export function freshCopy(template: string, path: string): void {
  removeProject(path);
  copyFileSync(template, path);
}
