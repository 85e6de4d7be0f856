/**
 * `npm run bench`: runs the suites in order on seeded data, prints each figure beside its baseline as a
 * Markdown table, and writes bench/results/latest.json (and latest.md). Speed is measured, never asserted;
 * an exception means a suite could not run (or the app did something wrong), and the run fails.
 *
 *   node bench/run.mjs [--only import,export,editor,app-start,suggest,team] [--scale 0.1] [--seed N] [--keep] [--profile] [--prototypes]
 */
import type { Browser } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser.mts';
import type { BenchContext } from './lib/context.mts';
import { RATIO_LEGEND, describeMachine, markdownTable, ratio, writeResults } from './lib/report.mts';
import { appStartSuite } from './suites/appStart.mts';
import { editorSuite } from './suites/editor.mts';
import { exportSuite } from './suites/export.mts';
import { importSuite } from './suites/import.mts';
import { suggestSuite } from './suites/suggest.mts';
import { teamSuite } from './suites/team.mts';

type Suite = (ctx: BenchContext, browser: () => Promise<Browser>) => Promise<void>;

const SUITES: Record<string, Suite> = {
  import: (ctx) => importSuite(ctx),
  export: (ctx) => exportSuite(ctx),
  editor: async (ctx, browser) => editorSuite(ctx, await browser()),
  'app-start': async (ctx, browser) => appStartSuite(ctx, await browser()),
  suggest: async (ctx) => suggestSuite(ctx),
  team: async (ctx) => teamSuite(ctx),
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '20261121' },
      keep: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      prototypes: { type: 'boolean', default: false },
    },
  });
  const names = values.only ? values.only.split(',') : Object.keys(SUITES);
  const unknown = names.filter((n) => !SUITES[n]);
  if (unknown.length)
    throw new Error(`unknown suite ${unknown.join(', ')}; the suites are ${Object.keys(SUITES).join(', ')}`);

  const root = resolve(process.env.SPANLIGHT_BENCH_ROOT ?? process.cwd());
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const work = mkdtempSync(join(tmpdir(), 'spanlight-bench-'));
  const ctx: BenchContext = {
    root,
    work,
    scale: Number(values.scale),
    seed: Number(values.seed),
    keep: values.keep ?? false,
    profileDir: values.profile ? join(root, 'bench/.out/profiles') : null,
    prototypes: values.prototypes ?? false,
    figures: [],
    details: {},
    cache: new Map(),
    log: (message) =>
      console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`),
  };
  let browserPromise: Promise<Browser> | null = null;
  const browser = () => (browserPromise ??= launchChromium());
  ctx.log(`work folder ${work}`);
  try {
    for (const name of names) {
      const suiteStart = performance.now();
      await SUITES[name]!(ctx, browser);
      ctx.log(`${name} done in ${((performance.now() - suiteStart) / 1000).toFixed(1)} s`);
    }
  } finally {
    const opened = browserPromise ? await (browserPromise as Promise<Browser>).catch(() => null) : null;
    const chromium = opened ? opened.version() : null;
    await opened?.close();
    if (ctx.keep) ctx.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    ctx.details.chromium = chromium;
  }

  const durationSeconds = (performance.now() - started) / 1000;
  const machine = describeMachine((ctx.details.chromium as string | null) ?? null, loadAtStart);
  const table = markdownTable(ctx.figures);
  const resultsDir = join(root, 'bench/results');
  writeResults(join(resultsDir, 'latest.json'), {
    date: new Date().toISOString(),
    machine,
    options: { suites: names, scale: ctx.scale, seed: ctx.seed, prototypes: ctx.prototypes },
    durationSeconds,
    legend: RATIO_LEGEND,
    figures: ctx.figures.map((f) => ({ ...f, ratio: ratio(f) })),
    details: ctx.details,
  });
  const about = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium ?? 'not used'}; commit ${machine.commit ?? '?'}; scale ${ctx.scale}; load ${machine.load.start.toFixed(1)} → ${machine.load.end.toFixed(1)}; ${durationSeconds.toFixed(0)} s`;
  writeFileSync(join(resultsDir, 'latest.md'), `${table}\n\n${RATIO_LEGEND}\n\n${about}\n`);
  console.log(`\n${table}\n\n${RATIO_LEGEND}\n${about}\nWritten to bench/results/latest.json and latest.md`);
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
