/**
 * Several processes writing one project at once, as when a second app instance (the browser host has no
 * single-instance lock) or the CLI works on the project the app has open: every write waits its turn
 * (busy_timeout, IMMEDIATE transactions), every acknowledged change lands, nothing is corrupted.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { BackupStore } from '../../src/core/backup/backupStore';
import { LATEST_SCHEMA_VERSION } from '../../src/core/db/migrations';
import { sha256Of } from '../../src/core/import/textDocument';
import { Project } from '../../src/core/project/project';
import { useTempDirs } from '../support/fixtures';
import { createVersionOneProject } from '../support/oldProject';
import { prng, randomTools } from '../support/random';
import { createTortureProject, emptyAnnotationFigures, verifyAnnotations } from './annotationTorture';
import { useBuiltWorker } from './build';
import { makeImportFolder, noImportFigures, verifyImport } from './importTorture';
import { runWorker } from './run';
import { SEED } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

it(`the app, a second instance and the CLI writing at once lose nothing and corrupt nothing (seed ${SEED})`, async () => {
  const dir = temp.make();
  const path = join(dir, 'shared.spanlight');
  createTortureProject(path);
  const { folder, expected } = makeImportFolder(dir, SEED, 30);
  const app = Project.open(path);
  const documents = app.documents.list().map((d) => app.documents.get(d.id)!);

  // The other instances annotate the documents the project started with, which the checks below read; the
  // CLI adds documents (with spans of their own) at the same time.
  const documentIds = documents.map((d) => d.id);
  const others = Promise.all([
    runWorker(
      worker.path,
      ['annotate', path, JSON.stringify({ seed: SEED + 1, adopt: false, maxChanges: 150, documentIds })],
      null,
    ),
    runWorker(
      worker.path,
      ['annotate', path, JSON.stringify({ seed: SEED + 2, adopt: false, maxChanges: 150, documentIds })],
      null,
    ),
    runWorker(worker.path, ['import', path, JSON.stringify({ folder })], null),
  ]);
  let othersDone = false;
  void others.finally(() => (othersDone = true));

  // The app goes on tagging as long as the others write.
  const model = new Map<string, Annotation | null>();
  const { int, pick } = randomTools(prng(SEED));
  let appChanges = 0;
  while (!othersDone || appChanges < 50) {
    const document = pick(documents);
    const start = int(0, document.length - 2);
    const created = app.annotationService.create({
      documentId: document.id,
      start,
      end: start + 1,
      labelId: pick(['claim', 'number']),
    }).upserted[0]!;
    const noted = app.annotationService.setNote(created.id, `app change ${appChanges}`).upserted[0]!;
    model.set(created.id, noted);
    appChanges += 2;
    // A pause between changes, as between a user's keystrokes (far shorter): a writer that never lets go of
    // the lock starves the others past their busy timeout on a loaded machine, which is not what this tests.
    await sleep(2);
  }
  app.close();

  const runs = await others;
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  let otherChanges = 0;
  for (const line of runs.flatMap((run) => run.lines)) {
    if (line.kind !== 'ack') continue;
    model.set(line.id, line.state);
    otherChanges++;
  }

  const figures = emptyAnnotationFigures();
  verifyAnnotations(
    path,
    model,
    null,
    figures,
    'after the concurrent writers',
    documents.map((d) => d.id),
  );
  const importFigures = noImportFigures(1);
  const importedFiles = new Set(
    runs[2]!.lines.flatMap((line) => (line.kind === 'imported' ? [line.fileName] : [])),
  );
  verifyImport(
    path,
    expected,
    importedFiles,
    importFigures,
    'after the concurrent writers',
    new Set(documents.map((d) => sha256Of(d.text))),
  );
  console.log(
    `concurrent writers: the app made ${appChanges} changes, two other instances ${otherChanges}, the CLI imported ${importedFiles.size} files; ` +
      `${figures.checked} annotation states checked, lost ${figures.lost}, phantoms ${figures.phantoms}; files partly in ${importFigures.partial}`,
  );
  expect([...figures.failures, ...importFigures.failures].slice(0, 5)).toEqual([]);
  expect(importedFiles.size).toBe(expected.size);
  expect(otherChanges).toBe(300);
}, 120_000);

it('six instances opening a project from an older Spanlight at once: one migrates, all open it', async () => {
  const dir = temp.make();
  const path = join(dir, 'old.spanlight');
  createVersionOneProject(path, { documents: 200, annotationsPerDocument: 2, textLength: 8000 });
  const backupDir = join(dir, 'backups');
  const runs = await Promise.all(
    [1, 2, 3, 4, 5, 6].map(() => runWorker(worker.path, ['open', path, JSON.stringify({ backupDir })], null)),
  );
  for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });

  const db = new Database(path, { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(200);
  expect(db.prepare('SELECT count(*) FROM annotations').pluck().get()).toBe(400);
  db.close();
  const backups = new BackupStore(backupDir).list();
  expect(backups.length).toBeGreaterThan(0);
  for (const backup of backups)
    expect(backup).toMatchObject({ reason: 'before-migration', documents: 200, annotations: 400 });
}, 60_000);
