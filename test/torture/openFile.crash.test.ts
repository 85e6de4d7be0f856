/**
 * A project left open while its file is copied or renamed by hand (a file manager, a sync folder), then the
 * app killed: every change acknowledged before the app went idle must be in the file itself, not only in the
 * -wal beside it, which a copy leaves behind and a rename leaves under the old name.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { Project } from '../../src/core/project/project';
import { useTempDirs } from '../support/fixtures';
import { createTortureProject } from './annotationTorture';
import { useBuiltWorker } from './build';
import { parseLines } from './protocol';
import { SEED } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

/** Runs the worker until it reports `done` (20 acknowledged creates), leaves it idle `idleMs`, then SIGKILLs it. */
async function annotateThenKill(path: string, idleMs: number, beforeKill: () => void): Promise<string[]> {
  const child = spawn(
    process.execPath,
    [
      worker.path,
      'annotate',
      path,
      JSON.stringify({ seed: SEED, adopt: false, createOnly: true, maxChanges: 20, stayOpen: true }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const giveUp = Date.now() + 60_000;
  while (!stdout.includes('"kind":"done"') && Date.now() < giveUp && child.exitCode === null) await sleep(10);
  expect(stderr).toBe('');
  await sleep(idleMs);
  beforeKill();
  child.kill('SIGKILL');
  await closed;
  return parseLines(stdout).flatMap((line) => (line.kind === 'ack' ? [line.id] : []));
}

function annotationIdsIn(path: string): Set<string> {
  const project = Project.open(path);
  try {
    return new Set(
      project.documents.list().flatMap((d) => project.annotations.listByDocument(d.id).map((a) => a.id)),
    );
  } finally {
    project.close();
  }
}

it('a copy of the project file alone, taken while the app is open and idle, holds every acknowledged change', async () => {
  const dir = temp.make();
  const path = join(dir, 'open.spanlight');
  createTortureProject(path);
  const copy = join(temp.make(), 'copied.spanlight');
  const acknowledged = await annotateThenKill(path, 1000, () => copyFileSync(path, copy));
  expect(acknowledged).toHaveLength(20);
  expect(existsSync(`${copy}-wal`)).toBe(false);
  const inCopy = annotationIdsIn(copy);
  expect(acknowledged.filter((id) => !inCopy.has(id))).toEqual([]);
}, 90_000);

it('the project file renamed while the app is open and idle, then the app killed, holds every acknowledged change', async () => {
  const dir = temp.make();
  const path = join(dir, 'open.spanlight');
  createTortureProject(path);
  const renamed = join(dir, 'renamed.spanlight');
  const acknowledged = await annotateThenKill(path, 1000, () => renameSync(path, renamed));
  expect(acknowledged).toHaveLength(20);
  const inRenamed = annotationIdsIn(renamed);
  expect(acknowledged.filter((id) => !inRenamed.has(id))).toEqual([]);
}, 90_000);
