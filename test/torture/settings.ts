/**
 * How hard the crash tests push. The unit run (`npm test`) does the minimum the issue asks, fast; the long
 * run (`npm run test:torture`) ten times more. SPANLIGHT_TORTURE_ROUNDS and SPANLIGHT_TORTURE_SEED override.
 */
const long = process.env.SPANLIGHT_TORTURE === 'long';

/** Rounds of annotation changes: at least 50 in every run, as the issue asks. */
export const ROUNDS = Number(process.env.SPANLIGHT_TORTURE_ROUNDS ?? (long ? 500 : 50));
/** Rounds of the import and migration tortures: as many in the unit run (about a second each), a fifth in the long run. */
export const HEAVY_ROUNDS = long ? Math.max(50, Math.ceil(ROUNDS / 5)) : ROUNDS;

/** A new seed each run, so each run kills at new moments; printed with every figure and failure to replay it. */
export const SEED = Number(process.env.SPANLIGHT_TORTURE_SEED ?? Math.floor(Math.random() * 1_000_000));

/** Generous: on a loaded machine one round can take a second. */
export const TIMEOUT_MS = Math.max(120_000, ROUNDS * 2_000);
