/**
 * 5. Suggestions: precision and recall per label on the development set (resources/samples/annotations.jsonl,
 * articles the team annotated by the guidelines), with exact and with overlap matching, beside a naive
 * baseline measured on the same set (numbers: every run of digits; claims and denials: every sentence holding
 * a cue word); and the time to suggest per KB, beside the time a single regular-expression pass over the same
 * text takes. Learning from tagged texts is left out: on the development set it would learn the answers.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Label } from '@shared/model';
import { exactMatch, overlapMatch, type Span } from '../../../src/core/agreement/spanMatch';
import { suggest } from '../../../src/core/suggest/suggester';
import { dispatch } from '../../../src/core/api/dispatch';
import { createHandlers } from '../../../src/core/api/handlers';
import { Importer } from '../../../src/core/import/importer';
import { sourceFromBytes } from '../../../src/core/import/sources';
import { AppSession } from '../../../src/core/session/session';
import type { BenchContext } from '../lib/context.mts';
import { median, timed } from '../lib/stats.mts';

interface GoldLine {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; label: string }>;
}

const LABELS: Label[] = ['claim', 'denial', 'number'].map((id, position) => ({
  id,
  name: id,
  color: '#000000',
  hotkey: null,
  position,
  attributes: [],
}));

/** The naive baseline: digit runs for numbers; whole sentences holding a cue for claims and denials. */
function naive(text: string): Array<{ label: string; start: number; end: number }> {
  const cp = (i: number) => [...text.slice(0, i)].length;
  const out: Array<{ label: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/\p{Nd}+/gu))
    out.push({ label: 'number', start: cp(m.index), end: cp(m.index + m[0].length) });
  for (const m of text.matchAll(/[^.\n؟!?]+/gu)) {
    const label = /\b(?:denied|rejected|dismissed)\b|نفى|نفت|رفض/u.test(m[0])
      ? 'denial'
      : /\b(?:said|told|according to|reported)\b|قال|أكد|أفاد|بحسب|نقلا/u.test(m[0])
        ? 'claim'
        : null;
    if (label) out.push({ label, start: cp(m.index), end: cp(m.index + m[0].length) });
  }
  return out;
}

/**
 * What the workbench waits for after each change: the `suggestions:list` handler on a real project (the
 * article imported, every number suggestion accepted, so the learned matcher has texts to look for and the
 * annotations to leave out), right after a change, when the service must read its memory again.
 */
async function throughTheChannel(
  article: string,
): Promise<{ ms: number; annotations: number; tagged: number }> {
  const session = new AppSession('browser', mkdtempSync(join(tmpdir(), 'spanlight-bench-suggest-')));
  try {
    session.createProject(join(session.dataDir, 'bench.spanlight'));
    const handlers = createHandlers(session);
    const project = session.requireProject();
    const report = new Importer(project).importAll([
      sourceFromBytes('fifty.txt', Buffer.from(article, 'utf8')),
    ]);
    const documentId = report.imported[0]!.documentId;
    project.suggestionService.acceptAll(documentId, { labels: new Set(['number']) });
    const first = project.suggestionService.forDocument(documentId).find((s) => s.labelId === 'claim')!;
    const list = async () => {
      const result = await dispatch(handlers, 'suggestions:list', { documentId });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A change moves the change log, so the next list reads the learned texts and rejections again.
      if (i % 2 === 0) await dispatch(handlers, 'suggestions:accept', { documentId, id: first.id });
      else await dispatch(handlers, 'history:undo', { documentId });
      runs.push((await timed(list)).ms);
    }
    return {
      ms: median(runs),
      annotations: project.annotations.countByDocument(documentId),
      tagged: project.suggestions.tagged().length,
    };
  } finally {
    session.close();
  }
}

export async function suggestSuite(ctx: BenchContext): Promise<void> {
  const lines = readFileSync(join(ctx.root, 'resources/samples/annotations.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GoldLine);
  const ours: Array<Span & { label: string }> = [];
  const baseline: Array<Span & { label: string }> = [];
  const golden: Array<Span & { label: string }> = [];
  for (const line of lines) {
    for (const s of line.spans)
      golden.push({ documentId: line.id, start: s.start, end: s.end, label: s.label });
    const found = suggest({
      text: line.text,
      labels: LABELS,
      annotations: [],
      tagged: [],
      isRejected: () => false,
    });
    for (const s of found) ours.push({ documentId: line.id, start: s.start, end: s.end, label: s.labelId });
    for (const s of naive(line.text)) baseline.push({ documentId: line.id, ...s });
  }
  const of = (spans: Array<Span & { label: string }>, label: string) =>
    spans.filter((s) => s.label === label);
  const details: Record<string, unknown> = { documents: lines.length };
  for (const label of ['number', 'claim', 'denial']) {
    const reference = of(golden, label);
    for (const [matching, match] of [
      ['exact', exactMatch],
      ['overlap', overlapMatch],
    ] as const) {
      const mine = match(reference, of(ours, label));
      const theirs = match(reference, of(baseline, label));
      for (const measure of ['precision', 'recall'] as const)
        ctx.figures.push({
          suite: 'suggest',
          name: `${label}, ${matching} match, ${measure} (${reference.length} gold spans)`,
          value: mine[measure] ?? 0,
          unit: '',
          better: 'higher',
          baseline: { label: 'naive: digit runs / sentences with a cue', value: theirs[measure] ?? 0 },
        });
      details[`${label}.${matching}`] = { ours: mine, naive: theirs };
    }
  }

  // Speed: the development set's texts, repeated to about 1 MB.
  const texts = lines.map((l) => l.text);
  const corpus: string[] = [];
  let bytes = 0;
  while (bytes < 2 ** 20) {
    for (const text of texts) {
      corpus.push(text);
      bytes += Buffer.byteLength(text);
    }
  }
  const run = await timed(() => {
    for (const text of corpus)
      suggest({ text, labels: LABELS, annotations: [], tagged: [], isRejected: () => false });
  });
  const scan = await timed(() => {
    let n = 0;
    for (const text of corpus) for (const _ of text.matchAll(/\p{Nd}+|[\p{L}\p{M}]+/gu)) n++;
    return n;
  });
  const kb = bytes / 1024;
  ctx.figures.push({
    suite: 'suggest',
    name: `time per KB (${(bytes / 2 ** 20).toFixed(1)} MB of the set's articles)`,
    value: run.ms / kb,
    unit: 'ms',
    better: 'lower',
    baseline: { label: 'one regex pass over words and digits', value: scan.ms / kb },
  });
  // The figure the issue names: a 50 KB article, from text to the suggestions the panel shows.
  let article = '';
  while (Buffer.byteLength(article) < 50 * 1024) article += texts.join('\n\n') + '\n\n';
  const fifty = await timed(() =>
    suggest({ text: article, labels: LABELS, annotations: [], tagged: [], isRejected: () => false }),
  );
  const fiftyScan = await timed(() => [...article.matchAll(/\p{Nd}+|[\p{L}\p{M}]+/gu)].length);
  ctx.figures.push({
    suite: 'suggest',
    name: 'a 50 KB article, all suggestions',
    value: fifty.ms,
    unit: 'ms',
    better: 'lower',
    baseline: { label: 'one regex pass over words and digits', value: fiftyScan.ms },
  });
  const inApp = await throughTheChannel(article);
  ctx.figures.push({
    suite: 'suggest',
    name: `a 50 KB article in the app: suggestions:list after a change (${inApp.annotations} annotations, ${inApp.tagged} texts learned)`,
    value: inApp.ms,
    unit: 'ms',
    better: 'lower',
    baseline: { label: 'the rules alone on the same article', value: fifty.ms },
  });
  details.speed = { bytes, ms: run.ms, scanMs: scan.ms, fiftyKbMs: fifty.ms, inApp };
  ctx.details.suggest = details;
}
