/**
 * The command line writes nothing into the user's home or data folder: not settings, not rolling backups, not
 * the copy of a project taken before a migration (which once went, silently, to ~/.config/Spanlight).
 * `test/support/globalSetup.ts` points SPANLIGHT_DATA_DIR at a temp folder for every test; here it is unset,
 * as for a real user, and HOME and XDG_CONFIG_HOME are empty folders that must stay empty.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { inspectProjectFile } from '../core/db/projectFile';
import { useTempDirs } from '../../test/support/fixtures';
import { createVersionOneProject } from '../../test/support/oldProject';
import { runCliCollecting } from '../../test/support/cli';

const temp = useTempDirs();

const cli = runCliCollecting;

/** Every file and folder under `dir`, relative to it. */
function contentsOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

/** The path the CLI named in its note about the copy taken before a migration. */
function namedCopy(err: string[]): string {
  const notes = err.filter((line) => line.includes('is from an older Spanlight'));
  expect(notes).toHaveLength(1);
  return /a copy as it was is at (.+)$/.exec(notes[0]!)![1]!;
}

const OLD_PROJECT = { documents: 2, annotationsPerDocument: 1, textLength: 120 };

describe('the command line leaves HOME alone', () => {
  const saved = { ...process.env };
  let home: string;
  let xdg: string;
  let work: string;

  beforeEach(() => {
    home = temp.make();
    xdg = temp.make();
    work = temp.make();
    delete process.env.SPANLIGHT_DATA_DIR;
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = xdg;
  });

  afterEach(() => {
    process.env = { ...saved };
  });

  it('over import, stats, export and the upgrade of a project from an older Spanlight', async () => {
    const articles = join(work, 'articles');
    const project = join(work, 'new.spanlight');
    const dataset = join(work, 'dataset.jsonl');
    writeFileSync(
      dataset,
      JSON.stringify({
        id: 'd1',
        text: 'The army said 3 drones fell.',
        spans: [{ start: 14, end: 15, label: 'number' }],
      }) + '\n',
    );
    mkdirSync(articles);
    writeFileSync(join(articles, 'one.txt'), 'One\nThe ministry denied it.\n');
    writeFileSync(join(articles, 'two.txt'), 'Two\nقال المصدر إن ٣ طائرات سقطت.\n');

    expect((await cli('import', project, articles, dataset)).code).toBe(0);
    expect((await cli('stats', project, '--json')).code).toBe(0);
    expect((await cli('export', project, '--format', 'jsonl', '--out', join(work, 'out.jsonl'))).code).toBe(
      0,
    );
    expect((await cli('export', project, '--format', 'csv', '--out', join(work, 'out.csv'))).code).toBe(0);

    const old = join(work, 'old.spanlight');
    createVersionOneProject(old, OLD_PROJECT);
    const { code, out, err } = await cli('stats', old, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ documents: 2, spans: 2 });
    const copy = namedCopy(err);
    expect(copy).toBe(join(work, `old.before-v${LATEST_SCHEMA_VERSION}.spanlight`));
    expect(inspectProjectFile(copy, LATEST_SCHEMA_VERSION).userVersion).toBe(1);
    expect(inspectProjectFile(old, LATEST_SCHEMA_VERSION).userVersion).toBe(LATEST_SCHEMA_VERSION);

    expect(contentsOf(home)).toEqual([]);
    expect(contentsOf(xdg)).toEqual([]);
  });

  it('puts the copy where --backup-dir says, and never over an earlier copy', async () => {
    const old = join(work, 'thesis.spanlight');
    const backups = join(work, 'kept', 'copies');
    const taken: string[] = [];
    for (const command of [
      ['import', old, join(work, 'a.txt')],
      ['export', old, '--format', 'csv', '--out', join(work, 'x.csv')],
      ['board', old, '--format', 'csv', '--out', join(work, 'board.csv')],
    ]) {
      writeFileSync(join(work, 'a.txt'), 'A\nSome text.\n');
      createVersionOneProject(old, OLD_PROJECT);
      const { code, err } = await cli(...command, '--backup-dir', backups);
      expect(code).toBe(0);
      taken.push(namedCopy(err));
      for (const side of ['', '-wal', '-shm']) {
        // The next round writes a fresh version-1 project at the same path.
        if (existsSync(old + side)) rmSync(old + side);
      }
    }
    expect(taken).toEqual([
      join(backups, `thesis.before-v${LATEST_SCHEMA_VERSION}.spanlight`),
      join(backups, `thesis.before-v${LATEST_SCHEMA_VERSION}-2.spanlight`),
      join(backups, `thesis.before-v${LATEST_SCHEMA_VERSION}-3.spanlight`),
    ]);
    for (const copy of taken) expect(inspectProjectFile(copy, LATEST_SCHEMA_VERSION).userVersion).toBe(1);
    expect(readdirSync(work).filter((name) => name.includes('before-v'))).toEqual([]);
    expect(contentsOf(home)).toEqual([]);
    expect(contentsOf(xdg)).toEqual([]);
  });
});
