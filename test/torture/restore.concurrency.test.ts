/**
 * Restoring a backup while a second window (another process) goes on tagging the same project. The restore
 * must land whole, with the before-restore backup holding every change the other process had acknowledged,
 * or say "in use" and change nothing; never answer ok without restoring, never lose an acknowledged change.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { AppSession } from '../../src/core/session/session';
import { useTempDirs } from '../support/fixtures';
import { createTortureProject } from './annotationTorture';
import { useBuiltWorker } from './build';
import { makeImportFolder } from './importTorture';
import { runWorker } from './run';
import { SEED } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

const ROUNDS = 4;

function annotationIds(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare('SELECT id FROM annotations').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

it(`a restore while another process annotates lands whole and loses no acknowledged change (seed ${SEED})`, async () => {
  const failures: string[] = [];
  let restored = 0;
  let inUse = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = temp.make();
    const path = join(dir, 'restored.spanlight');
    createTortureProject(path);
    const session = new AppSession('browser', join(dir, 'data'));
    const project = session.openProject(path);
    const documents = project.documents.list();
    project.annotationService.create({ documentId: documents[0]!.id, start: 0, end: 4, labelId: 'claim' });
    const store = session.backups();
    const backup = await store.create(project.db, 'manual');
    const inBackup = annotationIds(join(store.dir, backup.id));

    const writer = runWorker(
      worker.path,
      [
        'annotate',
        path,
        JSON.stringify({
          seed: SEED + round,
          adopt: false,
          createOnly: true,
          maxChanges: 400,
          documentIds: documents.map((d) => d.id),
        }),
      ],
      null,
    );
    // Let the other process commit a good number of changes first, so a restore that did nothing shows.
    const waitUntil = Date.now() + 30_000;
    while (countAll(project.db) < 30 && Date.now() < waitUntil) await sleep(5);

    let outcome: 'restored' | 'in use';
    try {
      await session.restoreBackup(backup.id);
      outcome = 'restored';
      restored++;
    } catch (error) {
      expect((error as { code?: string }).code).toBe('project_in_use');
      outcome = 'in use';
      inUse++;
    }
    const run = await writer;
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const acknowledged = run.lines.flatMap((line) => (line.kind === 'ack' ? [line.id] : []));
    session.close();

    const final = annotationIds(path);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const where = `round ${round} (${outcome})`;
    if (outcome === 'restored') {
      const beforeRestore = store.list().find((b) => b.reason === 'before-restore');
      if (!beforeRestore) {
        failures.push(`${where}: no before-restore backup`);
        continue;
      }
      const replaced = annotationIds(join(store.dir, beforeRestore.id));
      const goneByRestore = [...replaced].filter((id) => !inBackup.has(id));
      if (goneByRestore.length < 20)
        failures.push(`${where}: only ${goneByRestore.length} changes before the restore`);
      const survived = goneByRestore.filter((id) => final.has(id));
      if (survived.length > 0)
        failures.push(`${where}: answered ok, but ${survived.length} replaced annotations are still there`);
      const missingFromBackup = [...inBackup].filter((id) => !final.has(id));
      if (missingFromBackup.length > 0)
        failures.push(
          `${where}: ${missingFromBackup.length} annotations of the backup are not in the project`,
        );
      const lost = acknowledged.filter((id) => !replaced.has(id) && !final.has(id));
      if (lost.length > 0)
        failures.push(
          `${where}: ${lost.length} acknowledged changes in neither the project nor the before-restore backup`,
        );
    } else {
      const lost = acknowledged.filter((id) => !final.has(id));
      if (lost.length > 0)
        failures.push(`${where}: "in use", yet ${lost.length} acknowledged changes are gone`);
    }
  }
  console.log(
    `restore under a concurrent writer: ${restored} restored, ${inUse} in use, of ${ROUNDS} rounds`,
  );
  expect(failures).toEqual([]);
  expect(restored).toBeGreaterThan(0);
}, 180_000);

function countAll(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM annotations').pluck().get() as number;
}

function documentHashes(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return new Set(db.prepare('SELECT sha256 FROM documents').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

it(`a restore during a command-line import keeps every document the import reported (seed ${SEED})`, async () => {
  const dir = temp.make();
  const path = join(dir, 'imported.spanlight');
  createTortureProject(path);
  const { folder, expected } = makeImportFolder(dir, SEED, 60);
  const session = new AppSession('browser', join(dir, 'data'));
  const project = session.openProject(path);
  const store = session.backups();
  const backup = await store.create(project.db, 'manual');
  const inBackup = documentHashes(join(store.dir, backup.id));

  const importer = runWorker(
    worker.path,
    ['import', path, JSON.stringify({ folder, filesPerTransaction: 2 })],
    null,
  );
  const waitUntil = Date.now() + 30_000;
  while (project.documents.count() < inBackup.size + 10 && Date.now() < waitUntil) await sleep(5);
  let outcome = 'restored';
  try {
    await session.restoreBackup(backup.id);
  } catch (error) {
    expect((error as { code?: string }).code).toBe('project_in_use');
    outcome = 'in use';
  }
  const run = await importer;
  session.close();
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });

  // Every file the import reported is in the project, or (replaced by the restore) in the before-restore backup.
  const reported = run.lines.flatMap((line) => (line.kind === 'imported' ? [line.fileName] : []));
  const final = documentHashes(path);
  const beforeRestore = store.list().find((b) => b.reason === 'before-restore');
  const replaced = beforeRestore ? documentHashes(join(store.dir, beforeRestore.id)) : new Set<string>();
  const lost = reported.filter((file) =>
    expected.get(file)!.documents.some((sha) => !final.has(sha) && !replaced.has(sha)),
  );
  console.log(
    `restore during an import: ${outcome}; ${reported.length} files reported imported, ${replaced.size - inBackup.size} documents replaced by the restore, ${lost.length} lost`,
  );
  expect(lost).toEqual([]);
  if (outcome === 'restored') {
    expect(beforeRestore).toBeDefined();
    // The restore happened: what the import had committed before it is gone from the project.
    expect([...replaced].filter((sha) => !inBackup.has(sha) && final.has(sha))).toEqual([]);
    expect(replaced.size).toBeGreaterThan(inBackup.size);
  }
}, 120_000);
