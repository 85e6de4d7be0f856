/**
 * Where the e2e suite puts the screenshots people look at: `$SPANLIGHT_SHOTS/<spec>/` when set (a folder to
 * browse while working), else `test-results/shots/<spec>/`. A test run never writes into tracked files: the
 * README's screenshots are refreshed only when `SPANLIGHT_README_SHOTS=1` asks for it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './app';

export function shotPath(spec: string, name: string): string {
  const dir = join(process.env.SPANLIGHT_SHOTS ?? join(ROOT, 'test-results', 'shots'), spec);
  mkdirSync(dir, { recursive: true });
  return join(dir, name.endsWith('.png') ? name : `${name}.png`);
}

/** docs/screenshots/<name> when the run was asked to refresh the README's pictures, else a shot like any other. */
export function readmeShotPath(name: string): string {
  if (process.env.SPANLIGHT_README_SHOTS !== '1') return shotPath('readme', name);
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
