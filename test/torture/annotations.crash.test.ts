import { expect, it } from 'vitest';
import { useTempDirs } from '../support/fixtures';
import { tortureAnnotations } from './annotationTorture';
import { useBuiltWorker } from './build';
import { ROUNDS, SEED, TIMEOUT_MS } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

it(
  `keeps every acknowledged annotation change through ${ROUNDS} SIGKILLs at random moments (seed ${SEED})`,
  async () => {
    const figures = await tortureAnnotations({
      worker: worker.path,
      dir: temp.make(),
      rounds: ROUNDS,
      seed: SEED,
    });
    const { failures, ...counts } = figures;
    console.log(
      `crash torture, annotation changes (seed ${SEED}): ${counts.rounds} rounds, ${counts.kills} kills, ` +
        `${counts.acknowledged} changes acknowledged, ${counts.checked} acknowledged states checked after kills, ` +
        `in flight at the kill: ${counts.inFlightCommitted} committed, ${counts.inFlightRolledBack} rolled back; ` +
        `lost ${counts.lost}, phantoms ${counts.phantoms}, change-log mismatches ${counts.logMismatches}`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(counts).toMatchObject({ rounds: ROUNDS, kills: ROUNDS, lost: 0, phantoms: 0, logMismatches: 0 });
    // The kills landed while changes were being made, not only before the first one.
    expect(counts.acknowledged).toBeGreaterThan(ROUNDS);
    expect(counts.inFlightCommitted + counts.inFlightRolledBack).toBeGreaterThan(ROUNDS / 4);
  },
  TIMEOUT_MS,
);
