/**
 * Finding 9, CSV formula injection: cells starting with = + - @ (and tab, CR, as OWASP lists) were written
 * unchanged, so `=HYPERLINK(…)` in an imported title ran when a researcher opened the export in a
 * spreadsheet. Spreadsheet mode (opt-in) writes a UTF-8 BOM and a `'` before such cells, and says how many;
 * the default export stays exact. Python's csv module reads both.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus, StartedJob } from '@shared/datasets';
import { Project } from '../project/project';
import { Importer } from '../import/importer';
import { sourceFromBytes } from '../import/sources';
import { dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { AppSession } from '../session/session';
import { steppingClock, useTempDirs } from '../../../test/support/fixtures';
import { filesToSend, importAsJob } from '../../../test/support/importJob';
import { exportToFile } from './exporter';
import { CSV_COLUMNS } from './formats';

const temp = useTempDirs();
const HYPERLINK = '=HYPERLINK("https://example.com/x","click")';
const TEXT = `${HYPERLINK}\n-5 fighters left, +3 came; @army said so.`;
const DANGEROUS = {
  title: HYPERLINK,
  note: '+1 more, says the source',
  label: '@mention',
  attributesFree: 'plain',
};

let project: Project;
let dir: string;
let line: object;

beforeAll(() => {
  project = Project.inMemory(steppingClock());
  line = {
    id: '-doc',
    title: DANGEROUS.title,
    text: TEXT,
    spans: [
      { id: 'a', start: 0, end: 10, label: DANGEROUS.label, note: DANGEROUS.note },
      { id: 'b', start: 44, end: 46, label: 'number', note: '\tindented' },
    ],
  };
  const report = new Importer(project).importAll([
    sourceFromBytes('doc.jsonl', Buffer.from(JSON.stringify(line) + '\n')),
  ]);
  expect(report.rejected).toEqual([]);
  dir = temp.make();
});

afterAll(() => project.close());

/** The rows as Python's csv module reads them (utf-8-sig drops a BOM), and whether the file had one. */
function readWithPython(path: string): { bom: boolean; rows: string[][] } {
  const script = [
    'import csv, json, sys',
    "raw = open(sys.argv[1], 'rb').read()",
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
    "    print(json.dumps({'bom': raw.startswith(b'\\xef\\xbb\\xbf'), 'rows': list(csv.reader(f))}))",
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, path], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { bom: boolean; rows: string[][] };
}

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

describe('CSV export', () => {
  it('by default writes every cell exactly, without a BOM and without a notice', async () => {
    const path = join(dir, 'exact.csv');
    const summary = await exportToFile(project, 'csv', path);
    expect(summary.warnings).toBeUndefined();
    expect(readFileSync(path).subarray(0, 3).toString('utf8')).toBe('doc');
    const { bom, rows } = readWithPython(path);
    expect(bom).toBe(false);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const [first, second] = rows.slice(1);
    expect(first![column('doc_id')]).toBe('-doc');
    expect(first![column('title')]).toBe(HYPERLINK);
    expect(first![column('label')]).toBe(DANGEROUS.label);
    expect(first![column('note')]).toBe(DANGEROUS.note);
    expect(first![column('document_text')]).toBe(TEXT);
    expect(second![column('note')]).toBe('\tindented');
  });

  it('for a spreadsheet writes a BOM, prefixes each cell a spreadsheet would run with a quote, and says how many', async () => {
    const path = join(dir, 'excel.csv');
    const summary = await exportToFile(project, 'csv', path, { spreadsheet: true });
    expect([...readFileSync(path).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { bom, rows } = readWithPython(path);
    expect(bom).toBe(true);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const [first, second] = rows.slice(1);
    // Row 1: doc_id, title, label, text (the span's text is the formula's start), note, document_text.
    expect(first![column('doc_id')]).toBe("'-doc");
    expect(first![column('title')]).toBe(`'${HYPERLINK}`);
    expect(first![column('label')]).toBe(`'${DANGEROUS.label}`);
    expect(first![column('note')]).toBe(`'${DANGEROUS.note}`);
    expect(first![column('document_text')]).toBe(`'${TEXT}`);
    expect(first![column('span_id')]).toBe('a');
    expect(second![column('note')]).toBe("'\tindented");
    expect(second![column('label')]).toBe('number');
    // Every other cell as in the exact export; the prefixed ones are those that start with = + - @ tab CR.
    const exactPath = join(dir, 'exact-too.csv');
    await exportToFile(project, 'csv', exactPath);
    const exact = readWithPython(exactPath).rows;
    let prefixed = 0;
    exact.forEach((row, r) =>
      row.forEach((cell, c) => {
        const runs = /^[=+\-@\t\r]/.test(cell);
        if (runs) prefixed++;
        expect(rows[r]![c]).toBe(runs ? `'${cell}` : cell);
      }),
    );
    expect(prefixed).toBeGreaterThanOrEqual(9);
    expect(summary.warnings).toEqual([
      `csv: ${prefixed} cells starting with = + - @, tab or carriage return were prefixed with ' so that a spreadsheet shows them as text`,
    ]);
  });
});

describe('the export job (the desktop app: a save dialog, then the job)', () => {
  it('carries the spreadsheet choice to the file it writes: a BOM and prefixed cells when asked, exact otherwise', async () => {
    const base = temp.make();
    const paths = [join(base, 'excel.csv'), join(base, 'exact.csv')];
    const chosen = [...paths];
    const session = new AppSession('electron', join(base, 'data'), {
      chooseProjectPath: () => Promise.resolve(null),
      chooseImportPaths: () => Promise.resolve(null),
      chooseExportPath: () => Promise.resolve(chosen.shift() ?? null),
      chooseCopyPath: () => Promise.resolve(null),
    });
    try {
      session.createProject(join(base, 'jobs.spanlight'));
      const handlers = createHandlers(session);
      const call = async <T>(channel: string, payload: unknown): Promise<T> => {
        const result = await dispatch(handlers, channel, payload);
        if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
        return result.value as T;
      };
      const report = await importAsJob(
        (channel, payload) => dispatch(handlers, channel, payload),
        filesToSend({ 'doc.jsonl': JSON.stringify(line) + '\n' }),
      );
      expect(report.rejected).toEqual([]);
      for (const spreadsheet of [true, false]) {
        const { jobId } = await call<StartedJob>('jobs:start-export', {
          format: 'csv',
          destination: 'choose',
          spreadsheet,
        });
        let status = await call<JobStatus>('jobs:status', { id: jobId });
        while (status.state === 'running') {
          await sleep(5);
          status = await call<JobStatus>('jobs:status', { id: jobId });
        }
        expect(status.state).toBe('done');
      }
      const [excel, exact] = paths.map(readWithPython) as [
        ReturnType<typeof readWithPython>,
        ReturnType<typeof readWithPython>,
      ];
      expect(excel.bom).toBe(true);
      expect(excel.rows[1]![column('title')]).toBe(`'${HYPERLINK}`);
      expect(exact.bom).toBe(false);
      expect(exact.rows[1]![column('title')]).toBe(HYPERLINK);
    } finally {
      session.close();
    }
  });
});
