import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCollecting as cli } from '../../test/support/cli';
import { useTempDirs } from '../../test/support/fixtures';

const temp = useTempDirs();

/** Two documents of 20 code points; A and B tag claims, C only the first document. */
const DATASET = [
  {
    id: 'd1',
    text: 'abcdefghijklmnopqrst',
    spans: [
      { start: 0, end: 10, label: 'claim', annotator: 'A' },
      { start: 0, end: 10, label: 'claim', annotator: 'B' },
      { start: 0, end: 5, label: 'claim', annotator: 'C' },
    ],
  },
  {
    id: 'd2',
    text: 'ABCDEFGHIJKLMNOPQRST',
    spans: [
      { start: 10, end: 20, label: 'claim', annotator: 'A' },
      { start: 12, end: 20, label: 'claim', annotator: 'B' },
    ],
  },
];

async function project() {
  const dir = temp.make();
  const dataset = join(dir, 'two.jsonl');
  writeFileSync(dataset, DATASET.map((line) => JSON.stringify(line)).join('\n') + '\n');
  const path = join(dir, 'team.spanlight');
  expect((await cli('import', path, dataset)).code).toBe(0);
  return path;
}

describe('spanlight agreement', () => {
  it('prints the report in the documented JSON shape, with the figures worked by hand', async () => {
    const path = await project();
    const { code, out, err } = await cli(
      'agreement',
      path,
      '--annotators',
      'A,B',
      '--labels',
      'claim',
      '--json',
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out[0]!);
    expect(report.annotators).toEqual(['A', 'B']);
    expect(report.documents).toBe(2);
    const pair = report.labels.claim.pairs[0];
    // Exact: d1 matches, d2 does not. Overlap: both match.
    expect(pair.exact).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(pair.overlap).toEqual({ precision: 1, recall: 1, f1: 1 });
    // 40 code points: A marks 20, B 18, both 18, neither 20. p_o = 38/40; p_e = .5·.45 + .5·.55 = .5.
    expect(pair.kappa).toBeCloseTo((0.95 - 0.5) / 0.5, 12);
    expect(Object.keys(report.labels.claim)).toEqual(['pairs', 'fleiss_kappa', 'alpha', 'unitizing_alpha']);
  });

  it('leaves out documents an annotator never touched, and says so in the table', async () => {
    const path = await project();
    const { code, out } = await cli('agreement', path, '--labels', 'claim');
    expect(code).toBe(0);
    expect(out[0]).toBe('3 annotators (A, B, C), 1 document counted, 1 left out:');
    expect(out[1]).toContain('no work by C');
  });

  it('refuses an unknown annotator or label, and a single annotator, with one line', async () => {
    const path = await project();
    expect((await cli('agreement', path, '--annotators', 'A,Z')).err[0]).toMatch(/nobody named "Z"/);
    expect((await cli('agreement', path, '--labels', 'rumour')).err[0]).toMatch(/no label "rumour"/);
    expect((await cli('agreement', path, '--annotators', 'A')).err[0]).toMatch(/at least two annotators/);
  });
});
