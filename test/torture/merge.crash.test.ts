import { expect, it } from 'vitest';
import { useTempDirs } from '../support/fixtures';
import { useBuiltWorker } from './build';
import { tortureMerge } from './mergeTorture';
import { HEAVY_ROUNDS, SEED, TIMEOUT_MS } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

/** Each round merges twice (killed, then again to its end): half the rounds of the other heavy tortures. */
const ROUNDS = Math.ceil(HEAVY_ROUNDS / 2);

it(
  `leaves every layer of a merge wholly old or wholly new through ${ROUNDS} SIGKILLs, and a second merge finishes it (seed ${SEED})`,
  async () => {
    const { failures, ...figures } = await tortureMerge({
      worker: worker.path,
      dir: temp.make(),
      rounds: ROUNDS,
      seed: SEED,
    });
    console.log(
      `crash torture, merge (seed ${SEED}): ${figures.rounds} rounds, ${figures.kills} kills ` +
        `(${figures.killedMidMerge} with the merge half done), ${figures.layersChecked} layers checked; ` +
        `partly merged ${figures.partial}, lost ${figures.lost}, phantoms ${figures.phantoms}, ` +
        `unfinished after merging again ${figures.unfinished}`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(figures).toMatchObject({ rounds: ROUNDS, partial: 0, lost: 0, phantoms: 0, unfinished: 0 });
    expect(figures.killedMidMerge).toBeGreaterThan(ROUNDS / 4);
  },
  TIMEOUT_MS,
);
