import { expect, it } from 'vitest';
import { useTempDirs } from '../support/fixtures';
import { useBuiltWorker } from './build';
import { tortureImport } from './importTorture';
import { HEAVY_ROUNDS, SEED, TIMEOUT_MS } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

it(
  `leaves each file of a large import wholly in or wholly out through ${HEAVY_ROUNDS} SIGKILLs (seed ${SEED})`,
  async () => {
    const { failures, ...figures } = await tortureImport({
      worker: worker.path,
      dir: temp.make(),
      rounds: HEAVY_ROUNDS,
      seed: SEED,
    });
    console.log(
      `crash torture, folder import (seed ${SEED}): ${figures.rounds} rounds, ${figures.kills} kills ` +
        `(${figures.killedMidImport} with the import half done), ${figures.filesAcknowledged} files acknowledged, ` +
        `${figures.filesChecked} files checked whole in or whole out; partly in ${figures.partial}, lost ${figures.lost}, phantoms ${figures.phantoms}`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(figures).toMatchObject({ rounds: HEAVY_ROUNDS, partial: 0, lost: 0, phantoms: 0 });
    expect(figures.killedMidImport).toBeGreaterThan(HEAVY_ROUNDS / 4);
  },
  TIMEOUT_MS,
);
