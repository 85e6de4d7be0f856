/** What every suite receives: where to work, how big to make the data, and where its figures go. */
import type { Figure } from './report.mts';

export interface BenchOptions {
  /** 1 is the size the issue asks for; smaller for a quick check that the suite runs. */
  scale: number;
  seed: number;
  keep: boolean;
  /** Where to write Chromium CPU profiles of the editor runs (load, operations), or null. */
  profileDir: string | null;
  /** Also measure the renderer prototypes of bench/prototypes/variants.json (built by bench/run.mjs). */
  prototypes: boolean;
}

export interface BenchContext extends BenchOptions {
  /** The repository (for out/main/host.js). */
  root: string;
  /** A temporary folder for generated files and projects, removed at the end unless `keep`. */
  work: string;
  figures: Figure[];
  details: Record<string, unknown>;
  /** Data made by one suite and reused by the next (the import corpus, its project). */
  cache: Map<string, unknown>;
  log(message: string): void;
}

/** A count scaled down for quick runs, never below `min`. */
export function scaled(ctx: BenchOptions, full: number, min = 1): number {
  return Math.max(min, Math.round(full * ctx.scale));
}

/** Computes a value once per run and keeps it for the suites that follow. */
export async function cached<T>(ctx: BenchContext, key: string, make: () => T | Promise<T>): Promise<T> {
  if (!ctx.cache.has(key)) ctx.cache.set(key, await make());
  return ctx.cache.get(key) as T;
}
