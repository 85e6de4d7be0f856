import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:corpus`: the real seed corpus, which lives beside the clone (../shared/corpus/seeds, or
 * SPANLIGHT_CORPUS_DIR), imported and exported in every format. Kept out of `npm test` so that a clone with
 * nothing beside it passes; .ci/run runs it when the corpus is there.
 */
const corpus = resolve(process.env.SPANLIGHT_CORPUS_DIR ?? resolve(__dirname, '../shared/corpus/seeds'));
if (!existsSync(corpus)) throw new Error(`No seed corpus at ${corpus} (set SPANLIGHT_CORPUS_DIR)`);

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    include: ['test/corpus/**/*.corpus.ts'],
    environment: 'node',
    pool: 'forks',
    env: { SPANLIGHT_CORPUS_DIR: corpus },
  },
});
