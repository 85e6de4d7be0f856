import { Project } from '../../src/core/project/project';

/**
 * Opens a project after a kill the way the app does, reports what SQLite's own checks find (`fail`), runs
 * the caller's checks on it, and closes it.
 */
export function reopenAndCheck(
  path: string,
  fail: (message: string) => void,
  check: (project: Project) => void,
): void {
  const project = Project.open(path);
  try {
    const integrity = project.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') fail(`integrity_check says ${String(integrity)}`);
    if ((project.db.pragma('foreign_key_check') as unknown[]).length) fail('foreign_key_check found rows');
    check(project);
  } finally {
    project.close();
  }
}
