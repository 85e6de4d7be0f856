/**
 * Once per Vitest run: a data directory of its own, so no test writes settings or backups (the copy taken
 * before a migration goes to the data directory by default) into the real user's ~/.config/Spanlight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dataDir = mkdtempSync(join(tmpdir(), 'spanlight-vitest-data-'));
  process.env.SPANLIGHT_DATA_DIR = dataDir;
  return () => rmSync(dataDir, { recursive: true, force: true });
}
