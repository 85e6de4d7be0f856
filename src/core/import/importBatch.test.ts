/** Files sharing a transaction: reported once it has committed, and taken back together when a write fails. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Project } from '../project/project';
import { steppingClock } from '../../../test/support/fixtures';
import { Importer, emptyReport, type ImportProgress } from './importer';
import { sourceFromBytes } from './sources';

let project: Project;

beforeEach(() => {
  project = Project.inMemory(steppingClock());
});

afterEach(() => project.close());

const articles = (...titles: string[]) =>
  titles.map((title) => sourceFromBytes(`${title}.txt`, Buffer.from(`${title}\nbody of ${title}`)));
const storedTitles = () => project.documents.list().map((d) => d.title);

describe('files written a few to a transaction', () => {
  it('reports each file only once the transaction holding it has committed', () => {
    const report = emptyReport();
    const commits: Array<{
      fileNames: string[];
      inTransaction: boolean;
      stored: string[];
      reported: string[];
    }> = [];
    new Importer(project).importAll(
      [...articles('a', 'b', 'c', 'd'), sourceFromBytes('e.txt', Buffer.from([0x41, 0x00]))],
      report,
      {
        filesPerTransaction: 2,
        onCommitted: (fileNames) =>
          commits.push({
            fileNames,
            inTransaction: project.db.inTransaction,
            stored: storedTitles(),
            reported: [...report.imported, ...report.rejected].map((entry) => entry.fileName),
          }),
      },
    );
    expect(commits).toEqual([
      {
        fileNames: ['a.txt', 'b.txt'],
        inTransaction: false,
        stored: ['a', 'b'],
        reported: ['a.txt', 'b.txt'],
      },
      {
        fileNames: ['c.txt', 'd.txt'],
        inTransaction: false,
        stored: ['a', 'b', 'c', 'd'],
        reported: ['a.txt', 'b.txt', 'c.txt', 'd.txt'],
      },
      {
        fileNames: ['e.txt'],
        inTransaction: false,
        stored: ['a', 'b', 'c', 'd'],
        reported: ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'],
      },
    ]);
  });

  it('a write that fails takes back the files of its transaction, none of them reported, and keeps the ones before', () => {
    project.db.exec(`CREATE TEMP TRIGGER fail_on_boom BEFORE INSERT ON documents WHEN new.title = 'boom'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const report = emptyReport();
    const committed: string[] = [];
    const importing = () =>
      new Importer(project).importAll(articles('a', 'b', 'c', 'boom', 'e'), report, {
        filesPerTransaction: 2,
        onCommitted: (fileNames) => committed.push(...fileNames),
      });
    expect(importing).toThrow('disk full');
    expect(committed).toEqual(['a.txt', 'b.txt']);
    expect(report.imported.map((i) => i.fileName)).toEqual(['a.txt', 'b.txt']);
    expect(storedTitles()).toEqual(['a', 'b']);
    expect(project.db.inTransaction).toBe(false);
  });

  it('an async import counts a file done once it is committed', async () => {
    const progress: ImportProgress[] = [];
    await new Importer(project).importAllAsync(articles('a', 'b', 'c'), emptyReport(), {
      filesPerTransaction: 2,
      onProgress: (step) => progress.push(step),
    });
    // Each file's phase also as a message, for the interface to word; Done is a phase it knows.
    const reading = (file: string) => ({
      phase: `Reading ${file}`,
      phaseI18n: { ns: 'imports', key: 'phase.reading', params: { file } },
    });
    expect(progress).toEqual([
      { done: 0, total: 3, ...reading('a.txt') },
      { done: 0, total: 3, ...reading('b.txt') },
      { done: 2, total: 3, ...reading('c.txt') },
      { done: 3, total: 3, phase: 'Done' },
    ]);
  });
});

describe("the query planner's statistics", () => {
  const documentRows = (db: Project['db']) =>
    Number(
      String(
        (
          db.prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'documents' LIMIT 1`).get() as
            { stat: string } | undefined
        )?.stat ?? '0',
      ).split(' ')[0],
    );

  it('follow an import that grows the project tenfold, so an export pages documents by rowid instead of scanning them', () => {
    new Importer(project).importAll(articles('first'));
    project.db.exec('ANALYZE');
    expect(documentRows(project.db)).toBe(1);
    new Importer(project).importAll(articles(...Array.from({ length: 300 }, (_, i) => `article ${i}`)));
    expect(documentRows(project.db)).toBe(301);
    const plan = project.db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT rowid, text FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 100',
      )
      .all(0)
      .map((row) => (row as { detail: string }).detail);
    expect(plan.join(' | ')).toContain('SEARCH documents USING INTEGER PRIMARY KEY (rowid>?)');
  });
});
