import { expect, it } from 'vitest';
import { useTempDirs } from '../support/fixtures';
import { useBuiltWorker } from './build';
import { tortureMigration } from './migrationTorture';
import { HEAVY_ROUNDS, SEED, TIMEOUT_MS } from './settings';

const temp = useTempDirs('spanlight-torture-');
const worker = useBuiltWorker();

it(
  `leaves a project whole at its old or its new version through ${HEAVY_ROUNDS} SIGKILLs during the migration (seed ${SEED})`,
  async () => {
    const { failures, ...figures } = await tortureMigration({
      worker: worker.path,
      dir: temp.make(),
      rounds: HEAVY_ROUNDS,
      seed: SEED,
    });
    console.log(
      `crash torture, migration from schema 1 (seed ${SEED}): ${figures.rounds} rounds, ${figures.kills} kills; ` +
        `left at version 1: ${figures.leftAtOldVersion} (${figures.killedMidMigration} of them killed during the migration, after its backup), ` +
        `migrated: ${figures.leftMigrated}, half-migrated: ${figures.halfMigrated}, ` +
        `rows lost: ${figures.dataLost}; ${figures.backupsChecked} backups checked whole, ${figures.partialBackups} interrupted backups never listed`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(figures).toMatchObject({ rounds: HEAVY_ROUNDS, halfMigrated: 0, dataLost: 0 });
    // Most rounds were killed, and kills landed before the migration's commit.
    expect(figures.kills).toBeGreaterThan(HEAVY_ROUNDS / 2);
    expect(figures.leftAtOldVersion).toBeGreaterThan(0);
  },
  TIMEOUT_MS,
);
