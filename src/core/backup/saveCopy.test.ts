import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import { Project } from '../project/project';
import { addDocument, steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { saveProjectCopy } from './saveCopy';

// better-sqlite3's backup() resolves as done when its first step finds the destination busy, leaving an
// empty database: here the copy step does exactly that.
vi.mock('./snapshot', () => ({
  snapshotWithBackupApi: async (_db: unknown, target: string) => new Database(target).close(),
}));

const temp = useTempDirs();

it('refuses, and removes, a copy that does not hold what the project holds, instead of answering ok', async () => {
  const dir = temp.make();
  const project = Project.create(join(dir, 'thesis.spanlight'), steppingClock());
  addDocument(project, 'Title\nThe minister said 12 people were hurt.');
  const target = join(dir, 'thesis copy.spanlight');
  try {
    const error = await saveProjectCopy(project, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^The copy was not saved: /);
    expect(existsSync(target)).toBe(false);
  } finally {
    project.close();
  }
});
