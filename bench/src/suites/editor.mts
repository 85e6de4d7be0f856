/**
 * 3. The editor on a 1 MB article with 10,000 annotations, in Chromium through Playwright: Spanlight's real
 * renderer served by the real browser host, against @recogito/text-annotator (bench/peer) on the same text
 * and spans in the same browser. Load milestones, then 200 add-highlight and 200 relabel operations done as a
 * person does them (select, press a label key; click a highlight, press another label key), each timed from
 * the key press to the frame that shows the change (bench/src/page/probe.mts), and the JS heap after load.
 */
import type { Browser, Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OffsetIndex } from '@shared/offsets';
import { Project } from '../../../src/core/project/project';
import { editorProject, type EditorArticle } from '../fixtures.mts';
import {
  claimSession,
  heapAfterGc,
  openPage,
  serveStatic,
  startHost,
  startProfile,
} from '../lib/browser.mts';
import { scaled, type BenchContext } from '../lib/context.mts';
import { LABELS, wordsOf } from '../lib/corpus.mts';
import { Random } from '../lib/random.mts';
import { distribution, median, type Distribution } from '../lib/stats.mts';
import type { ProbeOptions } from '../page/probe.mts';
import type { PeerData } from '../../peer/main.mts';

const OPERATIONS = 200;
/** Loads of the article per editor; the load figures are their medians. */
const LOADS = 3;
const LOAD_TIMEOUT_MS = 180_000;
const PAINT_TIMEOUT_MS = 10_000;
const SELECT_TIMEOUT_MS = 2_000;
const SCROLL_FRAMES = 150;
const SCROLL_PX_PER_FRAME = 120;
/** --profile traces this many adds (a trace of all operations would be hundreds of MB). */
const TRACED_ADDS = 20;
/** An app that fails this many operations is not measured further. */
const MAX_FAILURES = 10;

/** Where an operation acts: a line of the article and UTF-16 offsets within it (the same DOM in both pages). */
interface AddOp {
  line: number;
  start: number;
  end: number;
}

interface ClickOp {
  line: number;
  offset: number;
}

interface Plan {
  adds: AddOp[];
  relabels: ClickOp[];
}

/** The same operations for both editors, drawn from the seed: word ranges to tag, and highlights to click. */
function plan(ctx: BenchContext, article: EditorArticle): Plan {
  const random = new Random(ctx.seed + 3);
  const words = wordsOf(article.text);
  const index = new OffsetIndex(article.text);
  const count = scaled(ctx, OPERATIONS, 20);
  const adds: AddOp[] = [];
  while (adds.length < count) {
    const first = random.int(0, words.length - 1);
    let last = first;
    while (last - first < 3 && words[last + 1]?.line === words[first]!.line && random.chance(0.6)) last++;
    const w = words[first]!;
    adds.push({ line: w.line, start: w.start - w.lineStart, end: words[last]!.end - w.lineStart });
  }
  // Click inside the first word of a span (a word of 3+ characters, so either side of the character clicked
  // is still inside the span).
  const byStart = new Map(words.map((w) => [w.start, w]));
  const relabels: ClickOp[] = [];
  for (let tries = 0; relabels.length < count && tries < count * 50; tries++) {
    const span = random.pick(article.spans);
    const word = byStart.get(index.toUtf16(span.start));
    if (!word || word.end - word.start < 3) continue;
    relabels.push({ line: word.line, offset: word.start - word.lineStart + 1 });
  }
  return { adds, relabels };
}

export interface EditorRun extends Load {
  loads: Load[];
  heapMB: number;
  domNodes: number;
  scrollFrameMs: Distribution;
  scrollLongTasksMs: number[];
  add: Distribution;
  relabel: Distribution;
  failures: string[];
  /** Spanlight only: the HTTP round trip of each change (handler, SQLite commit), from Resource Timing. */
  saveRoundTrip?: Record<string, Distribution>;
}

interface Load {
  firstContentfulPaintMs: number | null;
  textPaintedMs: number;
  interactiveMs: number;
}

async function load(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  const text = await page.evaluate((ms) => window.__benchProbe!.waitMark('text', ms), LOAD_TIMEOUT_MS);
  const ready = await page.evaluate((ms) => window.__benchProbe!.waitMark('highlights', ms), LOAD_TIMEOUT_MS);
  const fcp = await page.evaluate(() => window.__benchProbe!.firstContentfulPaint());
  return { firstContentfulPaintMs: fcp, textPaintedMs: text.painted, interactiveMs: ready.painted };
}

/**
 * Loads the article LOADS times, each in a fresh page (the load figures are medians), then on the last page
 * measures the heap, scrolls, and runs the plan; the same code for both editors.
 */
async function measure(
  ctx: BenchContext,
  name: string,
  open: () => Promise<Page>,
  url: string,
  scrollerSelector: string,
  ops: Plan,
): Promise<{ run: EditorRun; page: Page }> {
  const loads: Load[] = [];
  let page: Page | null = null;
  for (let i = 0; i < LOADS; i++) {
    if (page) await page.context().close();
    page = await open();
    // --profile: a Chromium trace of the first load (parsing, building the editor, layout, first paints).
    const traced = ctx.profileDir !== null && i === 0;
    if (traced)
      await page
        .context()
        .browser()!
        .startTracing(page, { path: join(ctx.profileDir!, `${name.replace(/\W+/g, '-')}-load.trace.json`) });
    loads.push(await load(page, url));
    if (traced) await page.context().browser()!.stopTracing();
  }
  page = page!;
  const loaded = {
    firstContentfulPaintMs: median(loads.map((l) => l.firstContentfulPaintMs ?? NaN)),
    textPaintedMs: median(loads.map((l) => l.textPaintedMs)),
    interactiveMs: median(loads.map((l) => l.interactiveMs)),
  };
  ctx.log(
    `editor: ${name} text painted ${loaded.textPaintedMs.toFixed(0)} ms, interactive ${loaded.interactiveMs.toFixed(0)} ms (median of ${LOADS})`,
  );
  await page.evaluate(() => window.__benchProbe!.settle());
  const heap = await heapAfterGc(page);
  // Scrolling the article from the top, a frame at a time, before any operation moves it.
  const scroll = await page.evaluate(([selector, n, px]) => window.__benchProbe!.frames(selector, n, px), [
    scrollerSelector,
    SCROLL_FRAMES,
    SCROLL_PX_PER_FRAME,
  ] as const);

  const failures: string[] = [];
  // --profile: a CPU profile of the operations, to see where their time goes.
  const stopProfile = ctx.profileDir ? await startProfile(page) : null;
  const add: number[] = [];
  for (const [i, op] of ops.adds.entries()) {
    if (failures.length >= MAX_FAILURES) break;
    // --profile: a Chromium trace of the first adds (rendering work that a CPU profile shows as "(program)").
    if (ctx.profileDir && i === 0)
      await page
        .context()
        .browser()!
        .startTracing(page, { path: join(ctx.profileDir, `${name.replace(/\W+/g, '-')}-adds.trace.json`) });
    if (ctx.profileDir && i === TRACED_ADDS) await page.context().browser()!.stopTracing();
    try {
      if (!(await page.evaluate((o) => window.__benchProbe!.prepareAdd(o.line, o.start, o.end), op)))
        throw new Error('no selection');
      await page.keyboard.press('1');
      add.push(await page.evaluate((ms) => window.__benchProbe!.awaitPaint(ms), PAINT_TIMEOUT_MS));
    } catch (error) {
      failures.push(`add ${JSON.stringify(op)}: ${(error as Error).message}`);
    }
  }
  const relabel: number[] = [];
  for (const op of ops.relabels) {
    if (failures.length >= MAX_FAILURES) break;
    try {
      const point = await page.evaluate((o) => window.__benchProbe!.prepareClick(o.line, o.offset), op);
      await page.mouse.click(point.x, point.y);
      const label = await page.evaluate((ms) => window.__benchProbe!.afterClick(ms), SELECT_TIMEOUT_MS);
      if (label < 0) throw new Error('the click selected no annotation');
      await page.keyboard.press(String(label + 1));
      relabel.push(await page.evaluate((ms) => window.__benchProbe!.awaitPaint(ms), PAINT_TIMEOUT_MS));
    } catch (error) {
      failures.push(`relabel ${JSON.stringify(op)}: ${(error as Error).message}`);
    }
  }
  await stopProfile?.(join(ctx.profileDir ?? '', `${name.replace(/\W+/g, '-')}-operations.cpuprofile`));
  if (failures.length)
    ctx.log(`editor: ${name}: ${failures.length} operations failed, first: ${failures[0]}`);
  const run: EditorRun = {
    ...loaded,
    loads,
    heapMB: heap.heapMB,
    domNodes: heap.domNodes,
    scrollFrameMs: distribution(scroll.frames),
    scrollLongTasksMs: scroll.longTasks,
    add: distribution(add),
    relabel: distribution(relabel),
    failures,
  };
  return { run, page };
}

/** Resource Timing of the contract calls the page made, by channel. */
async function apiTimings(page: Page): Promise<Record<string, Distribution>> {
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/'))
      .map((e) => ({ channel: decodeURIComponent(e.name.split('/api/')[1] ?? ''), ms: e.duration })),
  );
  const byChannel: Record<string, number[]> = {};
  for (const { channel, ms } of entries) (byChannel[channel] ??= []).push(ms);
  return Object.fromEntries(
    Object.entries(byChannel).map(([channel, values]) => [channel, distribution(values)]),
  );
}

const SCROLLERS = { css: '.article-scroll', peer: '#scroller' };

function probeOptions(article: EditorArticle, mode: 'css' | 'peer'): ProbeOptions {
  return {
    container: mode === 'css' ? '.article' : '#article',
    scroller: SCROLLERS[mode],
    mode,
    lines: article.lines.length,
    rows: '[data-testid="document-row"]',
  };
}

interface Variant {
  name: string;
  about: string;
}

/** Spanlight through the real host, on a fresh copy of the editor project (operations change it). */
async function runSpanlight(
  ctx: BenchContext,
  browser: Browser,
  article: EditorArticle,
  ops: Plan,
  variant?: Variant,
): Promise<EditorRun> {
  const name = variant ? `prototype-${variant.name}` : 'Spanlight';
  const dataDir = join(ctx.work, `host-editor-${name}`);
  mkdirSync(dataDir, { recursive: true });
  const project = join(dataDir, 'editor.spanlight');
  copyFileSync(article.path, project);
  // A prototype runs on a copy of the built host that serves the prototype's renderer (bench/run.mjs).
  const hostScript = variant
    ? join(ctx.root, 'bench/.out/variants', variant.name, 'main/host.js')
    : undefined;
  const host = await startHost(ctx.root, dataDir, project, hostScript);
  try {
    // Each load is a fresh context: all share the one session the launch address opens.
    const session = await claimSession(host.url);
    const open = async () => {
      const page = await openPage(browser, probeOptions(article, 'css'));
      await page.context().addCookies([session.cookie]);
      return page;
    };
    const { run, page } = await measure(ctx, name, open, session.home, SCROLLERS.css, ops);
    run.saveRoundTrip = await apiTimings(page);
    await page.context().close();
    return run;
  } finally {
    await host.stop();
  }
}

/** The peer's input: the same lines, and the same spans in UTF-16 offsets within the article's text nodes. */
function peerData(article: EditorArticle): PeerData {
  const project = Project.open(article.path);
  const labels = project.labels.list().map((l) => ({ id: l.id, name: l.name, color: l.color }));
  project.close();
  const index = new OffsetIndex(article.text);
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of article.lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  // The peer counts offsets over the text nodes only: each newline before an offset is one unit fewer.
  const lineOf = (u16: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= u16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const spans = article.spans.map((span) => {
    const start = index.toUtf16(span.start);
    const end = index.toUtf16(span.end);
    return {
      id: span.id,
      start: start - lineOf(start),
      end: end - lineOf(start),
      label: labels.findIndex((l) => l.id === span.label),
      quote: article.text.slice(start, end),
    };
  });
  // Label colours are `#rrggbb` in the project (the schema's labels and the label service check it).
  return {
    lines: article.lines,
    spans,
    labels: labels.map(({ name, color }) => ({ name, color: color as `#${string}` })),
  };
}

async function runPeer(
  ctx: BenchContext,
  browser: Browser,
  article: EditorArticle,
  ops: Plan,
): Promise<EditorRun> {
  const server = await serveStatic(join(ctx.root, 'bench/.out/peer'), {
    'article.json': JSON.stringify(peerData(article)),
  });
  try {
    const { run, page } = await measure(
      ctx,
      '@recogito/text-annotator',
      () => openPage(browser, probeOptions(article, 'peer')),
      server.url,
      SCROLLERS.peer,
      ops,
    );
    await page.context().close();
    return run;
  } finally {
    await server.close();
  }
}

export async function editorSuite(ctx: BenchContext, browser: Browser): Promise<void> {
  const article = await editorProject(ctx);
  const ops = plan(ctx, article);
  ctx.log(
    `editor: ${(Buffer.byteLength(article.text) / 2 ** 20).toFixed(2)} MiB, ${article.lines.length} lines, ${article.spans.length} annotations, ${ops.adds.length} adds, ${ops.relabels.length} relabels`,
  );
  const spanlight = await runSpanlight(ctx, browser, article, ops);
  const peer = await runPeer(ctx, browser, article, ops);
  const peerLabel = '@recogito/text-annotator';
  const figure = (name: string, unit: string, mine: number | null, theirs: number | null) =>
    ctx.figures.push({
      suite: 'editor',
      name,
      value: mine ?? NaN,
      unit,
      better: 'lower',
      baseline: { label: peerLabel, value: theirs ?? NaN },
    });
  figure('first contentful paint', 'ms', spanlight.firstContentfulPaintMs, peer.firstContentfulPaintMs);
  figure('article text painted', 'ms', spanlight.textPaintedMs, peer.textPaintedMs);
  figure('interactive (highlights in view painted)', 'ms', spanlight.interactiveMs, peer.interactiveMs);
  for (const [op, key] of [
    ['add highlight', 'add'],
    ['relabel', 'relabel'],
  ] as const) {
    figure(`${op} p50`, 'ms', spanlight[key].p50, peer[key].p50);
    figure(`${op} p95`, 'ms', spanlight[key].p95, peer[key].p95);
    figure(`${op} max`, 'ms', spanlight[key].max, peer[key].max);
  }
  figure('article scroll, frame p50', 'ms', spanlight.scrollFrameMs.p50, peer.scrollFrameMs.p50);
  figure('article scroll, frame p95', 'ms', spanlight.scrollFrameMs.p95, peer.scrollFrameMs.p95);
  figure('JS heap after load (after GC)', 'MB', spanlight.heapMB, peer.heapMB);
  const prototypes: Record<string, EditorRun> = {};
  if (ctx.prototypes) {
    const { variants } = JSON.parse(
      readFileSync(join(ctx.root, 'bench/prototypes/variants.json'), 'utf8'),
    ) as { variants: Variant[] };
    for (const variant of variants) {
      const run = await runSpanlight(ctx, browser, article, ops, variant);
      prototypes[variant.name] = run;
      const row = (name: string, unit: string, value: number) => ({
        name: `${name}, prototype ${variant.name}`,
        value,
        unit,
      });
      for (const { name, unit, value, current } of [
        { ...row('interactive', 'ms', run.interactiveMs), current: spanlight.interactiveMs },
        { ...row('add highlight p95', 'ms', run.add.p95), current: spanlight.add.p95 },
        { ...row('relabel p95', 'ms', run.relabel.p95), current: spanlight.relabel.p95 },
        {
          ...row('article scroll, frame p95', 'ms', run.scrollFrameMs.p95),
          current: spanlight.scrollFrameMs.p95,
        },
      ]) {
        ctx.figures.push({
          suite: 'editor',
          name,
          value,
          unit,
          better: 'lower',
          baseline: { label: 'Spanlight as it is', value: current },
        });
      }
    }
  }
  ctx.details.editor = {
    article: {
      bytes: Buffer.byteLength(article.text),
      utf16Length: article.text.length,
      lines: article.lines.length,
      annotations: article.spans.length,
      labels: LABELS,
    },
    operations: { adds: ops.adds.length, relabels: ops.relabels.length },
    spanlight,
    peer,
    prototypes,
  };
}
