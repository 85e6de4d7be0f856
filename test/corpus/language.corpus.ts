/**
 * `npm run test:corpus`: the language found on import for each real scraped article of the seed corpus (two
 * Arabic, three English, read by eye), through the real importer, so a folder import sets it too.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Importer } from '../../src/core/import/importer';
import { sourcesFromPaths } from '../../src/core/import/sources';
import { Project } from '../../src/core/project/project';
import { steppingClock } from '../support/fixtures';

const CORPUS = process.env.SPANLIGHT_CORPUS_DIR!;
const EXPECTED: Record<string, string> = {
  '000_8a6e8f8cbf4bc804.txt': 'ar',
  '001_a94d7b27e4d57284.txt': 'ar',
  '002_4b7d5827d49726f3.txt': 'en',
  '003_d8db31f6af63cc51.txt': 'en',
  '004_cb7c7266949d0d18.txt': 'en',
};

let project: Project;
beforeAll(() => {
  project = Project.inMemory(steppingClock());
  const report = new Importer(project).importAll(sourcesFromPaths([CORPUS]).sources);
  expect(report.rejected).toEqual([]);
});
afterAll(() => project.close());

describe('language found on import, seed corpus', () => {
  it('gives each seed article the language it is written in', () => {
    const found = Object.fromEntries(
      [...project.documents.metaById().values()].map((meta) => [basename(meta.fileName), meta.language]),
    );
    expect(found).toEqual(EXPECTED);
  });
});
