/**
 * How hard the crash tests push. The unit run (`npm test`) does the minimum the issue asks, fast; the long
 * run (`npm run test:torture`) ten times more. SPANLIGHT_TORTURE_ROUNDS and SPANLIGHT_TORTURE_SEED override.
 */
const long = process.env.SPANLIGHT_TORTURE === 'long';

/** Rounds of annotation changes; the import and migration tortures run a fifth of that (a round costs more). */
export const ROUNDS = Number(process.env.SPANLIGHT_TORTURE_ROUNDS ?? (long ? 500 : 50));
export const HEAVY_ROUNDS = Math.max(10, Math.ceil(ROUNDS / 5));

/** A new seed each run, so each run kills at new moments; printed with every figure and failure to replay it. */
export const SEED = Number(process.env.SPANLIGHT_TORTURE_SEED ?? Math.floor(Math.random() * 1_000_000));

/** Generous: on a loaded machine one round can take a second. */
export const TIMEOUT_MS = Math.max(120_000, ROUNDS * 2_000);
