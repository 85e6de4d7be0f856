/**
 * `npm run test:corpus`: the real scraped articles (the seed corpus beside the clone, SPANLIGHT_CORPUS_DIR,
 * set by vitest.corpus.config.ts) imported, tagged, exported in every format, and checked by the Python
 * consumer. Not part of `npm test`, which must pass in a clone with nothing beside it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '@shared/model';
import { exportToFile } from '../../src/core/export/exporter';
import { Importer } from '../../src/core/import/importer';
import { sourcesFromPaths } from '../../src/core/import/sources';
import { Project } from '../../src/core/project/project';
import { exportPath } from '../support/datasetFixtures';
import { steppingClock, useTempDirs } from '../support/fixtures';

const CORPUS = process.env.SPANLIGHT_CORPUS_DIR!;
const CHECK = resolve(__dirname, '../../scripts/check_offsets.py');
const temp = useTempDirs('spanlight-corpus-');

let dir: string;
let project: Project;
let spanCount = 0;

/**
 * Spans wherever the scraped text makes offsets hard: every run of digits (Latin or Arabic-Indic) is a number,
 * every non-blank line a claim (lines hold the tweets, captions and mixed-script runs), overlapping both.
 */
function tagEveryLineAndNumber(target: Project): void {
  for (const summary of target.documents.list()) {
    const text = target.documents.get(summary.id)!.text;
    const ranges: Array<[number, number, string]> = [];
    let at = 0;
    for (const line of text.split('\n')) {
      const points = Array.from(line);
      const lead = points.length - Array.from(line.trimStart()).length;
      const trail = points.length - Array.from(line.trimEnd()).length;
      if (lead < points.length) ranges.push([at + lead, at + points.length - trail, 'claim']);
      for (const match of line.matchAll(/\p{Nd}+/gu)) {
        const start = at + Array.from(line.slice(0, match.index)).length;
        ranges.push([start, start + Array.from(match[0]).length, 'number']);
      }
      at += points.length + 1;
    }
    for (const [start, end, labelId] of ranges)
      target.annotationService.create({ documentId: summary.id, start, end, labelId });
    spanCount += ranges.length;
  }
}

const pathFor = (format: ExportFormat) => exportPath(dir, 'seeds', format);

beforeAll(async () => {
  dir = temp.make();
  project = Project.create(join(dir, 'seeds.spanlight'), steppingClock());
  const { sources, problems } = sourcesFromPaths([CORPUS]);
  expect(problems).toEqual([]);
  const report = new Importer(project).importAll(sources);
  expect(report.rejected).toEqual([]);
  expect(report.imported).toHaveLength(readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).length);
  tagEveryLineAndNumber(project);
  for (const format of EXPORT_FORMATS) await exportToFile(project, format, pathFor(format));
}, 120_000);

afterAll(() => project?.close());

describe(`the seed corpus (${CORPUS})`, () => {
  it('imports every article and tags it', () => {
    expect(project.documents.count()).toBeGreaterThan(0);
    expect(spanCount).toBeGreaterThan(project.documents.count());
  });

  it.each(EXPORT_FORMATS)('exports %s with text[start:end] right for every span, in Python', (format) => {
    const run = spawnSync('python3', [CHECK, format, pathFor(format), pathFor('jsonl')], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // CoNLL counts tokens, every other format its spans.
    if (format !== 'conll') expect(run.stdout).toBe(`${format} spans: ${spanCount}\n`);
  });
});
