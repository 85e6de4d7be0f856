/**
 * 4. App start on a project of 10,000 documents: from spawning the browser host to the frame that shows the
 * document list, against the same start on a project of one document (the fixed cost). Then the list is
 * scrolled a frame at a time and frame intervals and long tasks are recorded, against the same page's frames
 * with no scrolling.
 */
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Importer } from '../../../src/core/import/importer';
import { sourcesFromPaths } from '../../../src/core/import/sources';
import { articleCorpus, corpusProjectWithSpans, createProject } from '../fixtures.mts';
import { openPage, startHost, type HostHandle } from '../lib/browser.mts';
import { cached, type BenchContext } from '../lib/context.mts';
import { distribution, median } from '../lib/stats.mts';
import type { FrameReport } from '../page/probe.mts';

const RUNS = 3;
const LIST = '.document-list .virtual-scroller';
const ROW = '[data-testid="document-row"]';
const SCROLL_FRAMES = 300;
const SCROLL_PX_PER_FRAME = 240;
const IDLE_FRAMES = 120;

/** The first article of the corpus alone in a project: what starting costs with next to no data. */
async function oneDocumentProject(ctx: BenchContext): Promise<string> {
  const corpus = await articleCorpus(ctx);
  return cached(ctx, 'one-document-project', () => {
    const path = join(ctx.work, 'one-document.spanlight');
    const project = createProject(path);
    new Importer(project).importAll(sourcesFromPaths([corpus.files[0]!.path]).sources);
    project.close();
    return path;
  });
}

interface Start {
  hostReadyMs: number;
  listPaintedMs: number;
  documentsListCallMs: number | null;
}

async function start(
  ctx: BenchContext,
  browser: Browser,
  project: string,
): Promise<{ start: Start; page: Page; host: HostHandle }> {
  const host = await startHost(ctx.root, mkdtempSync(join(ctx.work, 'host-start-')), project);
  const page = await openPage(browser, {
    container: '.article',
    scroller: '.article-scroll',
    mode: 'css',
    lines: 0,
    rows: ROW,
  });
  await page.goto(host.url);
  const mark = await page.evaluate(() => window.__benchProbe!.waitMark('rows', 120_000));
  const { origin, listCall } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    listCall:
      performance
        .getEntriesByType('resource')
        .find((e) => decodeURIComponent(e.name).endsWith('/api/documents:list'))?.duration ?? null,
  }));
  return {
    start: {
      hostReadyMs: host.readyAt - host.spawnedAt,
      listPaintedMs: origin + mark.painted - host.spawnedAt,
      documentsListCallMs: listCall,
    },
    page,
    host,
  };
}

async function close(run: { page: Page; host: HostHandle }): Promise<void> {
  await run.page.context().close();
  await run.host.stop();
}

function summarise(starts: Start[]) {
  return {
    hostReadyMs: median(starts.map((s) => s.hostReadyMs)),
    listPaintedMs: median(starts.map((s) => s.listPaintedMs)),
    documentsListCallMs: median(starts.map((s) => s.documentsListCallMs ?? NaN)),
    runs: starts,
  };
}

export async function appStartSuite(ctx: BenchContext, browser: Browser): Promise<void> {
  const big = await corpusProjectWithSpans(ctx);
  const small = await oneDocumentProject(ctx);
  ctx.log(`app start: ${big.documents} documents against 1, ${RUNS} runs each`);
  const bigStarts: Start[] = [];
  const smallStarts: Start[] = [];
  let scroll: { idle: FrameReport; scrolled: FrameReport } | null = null;
  for (let i = 0; i < RUNS; i++) {
    const one = await start(ctx, browser, small);
    smallStarts.push(one.start);
    await close(one);
    const many = await start(ctx, browser, big.path);
    bigStarts.push(many.start);
    if (i === RUNS - 1) {
      await many.page.evaluate(
        () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
      );
      const idle = await many.page.evaluate(([list, n]) => window.__benchProbe!.frames(list, n, 0), [
        LIST,
        IDLE_FRAMES,
      ] as const);
      const scrolled = await many.page.evaluate(([list, n, px]) => window.__benchProbe!.frames(list, n, px), [
        LIST,
        SCROLL_FRAMES,
        SCROLL_PX_PER_FRAME,
      ] as const);
      scroll = { idle, scrolled };
    }
    await close(many);
  }
  const bigSummary = summarise(bigStarts);
  const smallSummary = summarise(smallStarts);
  const baseline = { label: 'same, project of 1 document', value: smallSummary.listPaintedMs };
  ctx.figures.push({
    suite: 'app start',
    name: `host start → document list painted, ${big.documents.toLocaleString('en-US')} documents`,
    note: `median of ${RUNS}`,
    value: bigSummary.listPaintedMs,
    unit: 'ms',
    better: 'lower',
    baseline,
  });
  if (scroll) {
    const idle = distribution(scroll.idle.frames);
    const scrolled = distribution(scroll.scrolled.frames);
    const frameBaseline = (value: number) => ({ label: 'same page, not scrolling', value });
    ctx.figures.push(
      {
        suite: 'app start',
        name: 'document list scroll, frame p50',
        value: scrolled.p50,
        unit: 'ms',
        better: 'lower',
        baseline: frameBaseline(idle.p50),
      },
      {
        suite: 'app start',
        name: 'document list scroll, frame p95',
        value: scrolled.p95,
        unit: 'ms',
        better: 'lower',
        baseline: frameBaseline(idle.p95),
      },
      {
        suite: 'app start',
        name: 'document list scroll, long tasks',
        note: `${scroll.scrolled.longTasks.length} over ${SCROLL_FRAMES} frames`,
        value: scroll.scrolled.longTasks.reduce((a, b) => a + b, 0),
        unit: 'ms',
        better: 'lower',
        baseline: {
          label: 'same page, not scrolling',
          value: scroll.idle.longTasks.reduce((a, b) => a + b, 0),
        },
      },
    );
    ctx.details.scroll = {
      frames: SCROLL_FRAMES,
      pxPerFrame: SCROLL_PX_PER_FRAME,
      scrolledPx: scroll.scrolled.scrolledPx,
      maxRowsInDom: scroll.scrolled.maxRows,
      scrolling: { frameMs: scrolled, longTasksMs: scroll.scrolled.longTasks },
      idle: { frameMs: idle, longTasksMs: scroll.idle.longTasks },
    };
  }
  ctx.details.appStart = { documents: big.documents, spans: big.spans, many: bigSummary, one: smallSummary };
}
