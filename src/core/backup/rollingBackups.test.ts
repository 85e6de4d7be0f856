import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Project } from '../project/project';
import { addDocument, createProjectFile, useTempDirs } from '../../../test/support/fixtures';
import { BackupStore } from './backupStore';
import { BACKUP_INTERVAL_MS, RollingBackups } from './rollingBackups';

const temp = useTempDirs();

function setUp() {
  const dir = temp.make();
  const project = Project.open(createProjectFile(join(dir, 'work.spanlight')));
  return { dir, project, store: new BackupStore(join(dir, 'backups')) };
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('RollingBackups', () => {
  it('backs up a project soon after it is opened, not during its start, and not again while it has not changed', async () => {
    const { project, store } = setUp();
    const rolling = new RollingBackups(project.db, store);
    rolling.start(BACKUP_INTERVAL_MS, 150);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(store.list()).toHaveLength(0);
    await until(() => store.list().length === 1);
    expect(store.list()[0]!.reason).toBe('open');
    rolling.stop();

    const again = new RollingBackups(project.db, store);
    expect(await again.backUpIfChanged('open')).toBeNull();
    expect(store.list()).toHaveLength(1);
    project.close();
  });

  it('backs up on its interval while the project changes, and skips intervals without changes', async () => {
    const { project, store } = setUp();
    const rolling = new RollingBackups(project.db, store);
    rolling.start(40, 0);
    await until(() => store.list().length === 1);
    addDocument(project, 'A new article\nwith text.');
    await until(() => store.list().some((b) => b.reason === 'scheduled'));
    expect(store.list().map((b) => b.documents)).toEqual([2, 1]);
    // Six quiet intervals: nothing new.
    await new Promise((resolve) => setTimeout(resolve, 240));
    expect(store.list()).toHaveLength(2);
    rolling.stop();
    project.close();
  });

  it('runs one backup at a time', async () => {
    const { project, store } = setUp();
    const rolling = new RollingBackups(project.db, store);
    const [first, second] = await Promise.all([
      rolling.backUpIfChanged('scheduled'),
      rolling.backUpIfChanged('scheduled'),
    ]);
    expect(second).toBe(first);
    expect(store.list()).toHaveLength(1);
    project.close();
  });

  it('stopped while copying, as when the project closes, leaves no file and no warning', async () => {
    const { project, store } = setUp();
    // Enough pages that the copy takes several turns of the event loop.
    const documentId = addDocument(project, `Long\n${'x'.repeat(20_000)}`);
    for (let i = 0; i < 200; i++)
      project.annotationService.create({
        documentId,
        start: i,
        end: i + 1,
        labelId: 'claim',
        note: 'n'.repeat(5000),
      });
    const warn = vi.fn();
    const rolling = new RollingBackups(project.db, store, warn);
    const pending = rolling.backUpIfChanged('scheduled');
    await new Promise((resolve) => setImmediate(resolve));
    rolling.stop();
    project.close();
    expect(await pending).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    expect(readdirSync(store.dir)).toEqual([]);
  });

  it('reports a failed backup and carries on', async () => {
    const { dir, project } = setUp();
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the backup folder should go');
    const warn = vi.fn();
    const rolling = new RollingBackups(project.db, new BackupStore(blocked), warn);
    expect(await rolling.backUpIfChanged('scheduled')).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Backup \(scheduled\) of the project failed: /));
    project.close();
  });
});
