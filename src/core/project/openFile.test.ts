/**
 * What becomes of the open project's file: renamed or replaced while open (no change acknowledged after),
 * read-only (said at open, every change refused with a message), and File → Save a copy… (a project that
 * opens with every change).
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { SavedCopy } from '@shared/model';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { IDLE_CHECKPOINT_MS } from '../db/idleCheckpoint';
import { isWritable } from '../db/writeAccess';
import { AppSession } from '../session/session';
import {
  addDocument,
  createProjectFile,
  expectAppError,
  sha256File,
  steppingClock,
  useTempDirs,
} from '../../../test/support/fixtures';
import { Project } from './project';

const temp = useTempDirs();

function annotationCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM annotations').pluck().get() as number;
  } finally {
    db.close();
  }
}

function openWithDocument(path: string) {
  const project = Project.create(path, steppingClock());
  const documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt.');
  const annotate = (start: number) =>
    project.annotationService.create({ documentId, start, end: start + 3, labelId: 'claim' });
  return { project, annotate };
}

describe('a project whose file is renamed or replaced while open', () => {
  it('refuses the next change with a message, and commits nothing; what was saved before is in the file', async () => {
    const dir = temp.make();
    const path = join(dir, 'thesis.spanlight');
    const { project, annotate } = openWithDocument(path);
    annotate(6);
    // Idle: the change is checkpointed into the file itself (idleCheckpoint.ts), so it moves with the file.
    await sleep(IDLE_CHECKPOINT_MS + 300);
    const renamed = join(dir, 'thesis-final.spanlight');
    renameSync(path, renamed);

    expectAppError(
      () => annotate(10),
      'project_moved',
      /thesis\.spanlight was renamed, moved or replaced while open, so this change was not saved/,
    );
    expect(() => project.setAnnotator('Rana')).toThrow(/renamed, moved or replaced/);
    project.close();
    expect(annotationCount(renamed)).toBe(1);
  });

  it('refuses a change once another file was put in its place', () => {
    const dir = temp.make();
    const path = join(dir, 'thesis.spanlight');
    const { project, annotate } = openWithDocument(path);
    annotate(6);
    const other = createProjectFile(join(dir, 'other.spanlight'));
    copyFileSync(other, join(dir, 'incoming'));
    renameSync(join(dir, 'incoming'), path);
    const before = sha256File(path);

    expectAppError(() => annotate(10), 'project_moved', /was renamed, moved or replaced/);
    expect(sha256File(path)).toBe(before);
    project.close();
  });
});

/** Makes a file read-only for this process: its mode, and, for root (who ignores modes), the immutable flag. */
function makeReadOnly(path: string): () => void {
  chmodSync(path, 0o444);
  const root = process.getuid?.() === 0;
  if (root) execFileSync('chattr', ['+i', path]);
  return () => {
    if (root) execFileSync('chattr', ['-i', path]);
    chmodSync(path, 0o644);
  };
}

describe('a read-only project', () => {
  it('says so when opened, and refuses each change with a message, leaving the file as it was', () => {
    const path = createProjectFile(join(temp.make(), 'shared-drive.spanlight'));
    const restore = makeReadOnly(path);
    try {
      const before = sha256File(path);
      const project = Project.open(path);
      try {
        expect(project.info()).toMatchObject({ readOnly: true, documentCount: 1 });
        const documentId = project.documents.list()[0]!.id;
        expect(project.annotations.listByDocument(documentId)).toHaveLength(1);
        expectAppError(
          () => project.annotationService.create({ documentId, start: 0, end: 5, labelId: 'claim' }),
          'read_only',
          /shared-drive\.spanlight is read-only \(its file cannot be written\), so this change was not made/,
        );
        expectAppError(() => project.setAnnotator('Rana'), 'read_only', /is read-only/);
      } finally {
        project.close();
      }
      expect(sha256File(path)).toBe(before);
    } finally {
      restore();
    }
  });

  it('a writable one says it is not read-only', () => {
    const project = Project.open(createProjectFile(join(temp.make(), 'mine.spanlight')));
    expect(project.info().readOnly).toBe(false);
    project.close();
  });
});

describe('File → Save a copy…', () => {
  async function appWithChanges() {
    const dir = temp.make();
    const session = new AppSession('browser', join(dir, 'data'));
    const handlers = createHandlers(session);
    const project = session.createProject(join(dir, 'thesis'));
    const documentId = addDocument(project, 'Title\nThe minister said 12 people were hurt.');
    for (let i = 0; i < 20; i++)
      project.annotationService.create({ documentId, start: i, end: i + 2, labelId: 'number' });
    return { dir, session, handlers, project };
  }

  it('writes one self-contained file that opens with every change', async () => {
    const { dir, session, handlers, project } = await appWithChanges();
    // A second program keeps the project open too, so the changes are not all in the file yet.
    const other = new Database(project.path!, { readonly: true });
    const target = join(dir, 'elsewhere', 'thesis copy');
    const result = await dispatch(handlers, 'project:save-copy', { path: target });
    expect(result).toEqual({ ok: true, value: { path: `${target}.spanlight` } satisfies SavedCopy });
    other.close();
    session.close();

    expect(existsSync(`${target}.spanlight-wal`)).toBe(false);
    const copy = Project.open(`${target}.spanlight`);
    try {
      expect(copy.documents.count()).toBe(1);
      expect(copy.annotations.listByDocument(copy.documents.list()[0]!.id)).toHaveLength(20);
      // The change log came along: 20 creates after the import.
      expect(copy.db.prepare(`SELECT count(*) FROM actions WHERE state = 'done'`).pluck().get()).toBe(20);
    } finally {
      copy.close();
    }
  });

  it('never writes over a file, the open project included', async () => {
    const { dir, session, handlers, project } = await appWithChanges();
    const existing = createProjectFile(join(dir, 'existing.spanlight'));
    const before = sha256File(existing);
    for (const path of [existing, project.path!]) {
      expect(await dispatch(handlers, 'project:save-copy', { path })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: expect.stringMatching(/already exists; choose another name/),
        },
      });
    }
    expect(sha256File(existing)).toBe(before);
    expect(project.annotations.listByDocument(project.documents.list()[0]!.id)).toHaveLength(20);
    session.close();
  });
});

describe('telling whether a project is writable while another program writes to it', () => {
  it('answers writable at once, without waiting for the other program to let go of its write lock', () => {
    const path = createProjectFile(join(temp.make(), 'busy.spanlight'));
    const other = new Database(path);
    const db = new Database(path);
    db.pragma('busy_timeout = 5000');
    other.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      expect(isWritable(db, path)).toBe(true);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      other.exec('ROLLBACK');
      other.close();
      db.close();
    }
  });
});
