import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { useTempDirs } from '../../../test/support/fixtures';
import { PARTIAL_SUFFIX, snapshotWithBackupApi } from './snapshot';

const temp = useTempDirs();

it('treats an empty copy (a backup whose first step found the project busy) as a failure, leaving no file', async () => {
  // What better-sqlite3's backup() leaves when it gives up at once and still resolves: an empty database.
  const busy = { backup: async (path: string) => new Database(path).close() } as unknown as Db;
  const target = join(temp.make(), 'backup.spanlight');
  await expect(snapshotWithBackupApi(busy, target)).rejects.toThrow(/the copy is empty/);
  expect(existsSync(target)).toBe(false);
  expect(existsSync(target + PARTIAL_SUFFIX)).toBe(false);
});
