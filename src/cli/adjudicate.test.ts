import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCollecting as cli } from '../../test/support/cli';
import { useTempDirs } from '../../test/support/fixtures';
import { Project } from '../core/project/project';

const temp = useTempDirs();

const TEXT = 'Officials said 93 fighters were killed. Baku denied it.';

async function teamProject() {
  const dir = temp.make();
  const dataset = join(dir, 'team.jsonl');
  const span = (annotator: string, start: number, end: number, label: string, note = '') => ({
    annotator,
    start,
    end,
    label,
    note,
  });
  writeFileSync(
    dataset,
    JSON.stringify({
      id: 'doc',
      text: TEXT,
      spans: [
        span('A', 15, 17, 'number', 'A says 93'),
        span('B', 15, 17, 'number'),
        span('C', 15, 17, 'number'),
        span('A', 40, 54, 'denial'),
        span('B', 40, 54, 'denial'),
        span('C', 40, 55, 'denial'),
        span('C', 0, 38, 'claim'),
      ],
    }) + '\n',
  );
  const path = join(dir, 'team.spanlight');
  expect((await cli('import', path, dataset)).code).toBe(0);
  return path;
}

function curated(path: string) {
  const project = Project.open(path);
  try {
    return project.annotations
      .listByDocument('doc')
      .filter((a) => a.annotator === 'curated')
      .map((a) => [a.labelId, a.start, a.end, a.note]);
  } finally {
    project.close();
  }
}

describe('spanlight adjudicate', () => {
  it('unanimous copies what all have, once, and reports what is left', async () => {
    const path = await teamProject();
    const { code, out } = await cli('adjudicate', path, '--annotators', 'A,B,C', '--rule', 'unanimous');
    expect(code).toBe(0);
    expect(out.at(-1)).toBe('1 spans accepted into curated (unanimous), 3 left to settle by hand');
    expect(curated(path)).toEqual([['number', 15, 17, 'A says 93']]);
  });

  it('majority copies what more than half have; running it again adds nothing', async () => {
    const path = await teamProject();
    await cli('adjudicate', path, '--annotators', 'A,B,C', '--rule', 'majority', '--into', 'curated');
    expect(curated(path)).toEqual([
      ['number', 15, 17, 'A says 93'],
      ['denial', 40, 54, ''],
    ]);
    const again = await cli('adjudicate', path, '--annotators', 'A,B,C', '--rule', 'majority');
    expect(again.out.at(-1)).toMatch(/^0 spans accepted/);
    expect(curated(path)).toHaveLength(2);
  });

  it('is undoable like any change', async () => {
    const path = await teamProject();
    await cli('adjudicate', path, '--annotators', 'A,B', '--rule', 'unanimous');
    const project = Project.open(path);
    project.history.undo('doc');
    project.close();
    expect(curated(path)).toEqual([]);
  });

  it('refuses one annotator, an unknown rule or name, and curating into a compared layer', async () => {
    const path = await teamProject();
    expect((await cli('adjudicate', path, '--annotators', 'A')).code).toBe(2);
    expect((await cli('adjudicate', path, '--annotators', 'A,B', '--rule', 'vote')).err[0]).toMatch(
      /--rule must be/,
    );
    expect((await cli('adjudicate', path, '--annotators', 'A,Z')).err[0]).toMatch(/nobody named "Z"/);
    expect((await cli('adjudicate', path, '--annotators', 'A,B', '--into', 'A')).code).toBe(2);
  });
});
