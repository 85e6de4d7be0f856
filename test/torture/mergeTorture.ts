/**
 * Crash torture of `spanlight merge` (File → Merge annotations…), the offline form of a team sync. The project
 * already holds Ana's layers from an earlier merge; the source (a canonical JSONL) brings Ana's layers changed
 * (spans moved, removed, added, notes and links changed, some layers the same), Ben's new layers, and a few
 * documents the project lacks (added with their layers). Each round merges into a fresh copy and is killed at
 * a random moment. After the kill the project must pass `integrity_check`; every (document, annotator) layer
 * must hold exactly what it held before or exactly what the source gives (never a mix, never a span twice),
 * logged once if it changed; every document the worker acknowledged must be merged whole; every added
 * document must be there whole with its layers or not at all. Then the merge is run again to its end, as a user
 * retries after a crash: every layer must then be the source's, still logged once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMergedDocument, jsonlMergeSource } from '../../src/core/import/mergeSources';
import { sha256Of } from '../../src/core/import/textDocument';
import { Project } from '../../src/core/project/project';
import { prng, randomTools } from '../support/random';
import { reopenAndCheck } from './reopen';
import { KillWindow, describeUnkilled, runWorker, type WorkerRun } from './run';
import { freshCopy, removeProject } from './roundFiles';

export interface MergeFigures {
  rounds: number;
  kills: number;
  /** Kills that came with some documents merged and some still to come. */
  killedMidMerge: number;
  layersChecked: number;
  /** Layers holding neither what they held nor what the source gives, or logged other than once. Must be 0. */
  partial: number;
  /** Layers of acknowledged documents not merged. Must be 0. */
  lost: number;
  /** Added documents without all their layers, or documents no file holds. Must be 0. */
  phantoms: number;
  /** Layers not the source's after the merge was run again to its end. Must be 0. */
  unfinished: number;
  failures: string[];
}

/** A few documents a commit (the app merges 10,000): the merge is many commits, and kills fall between them. */
const DOCUMENTS_PER_TRANSACTION = 6;
const DOCUMENTS = 90;
/** Of which the project lacks these (the last ones of the source). */
const MISSING = 12;

type Tools = ReturnType<typeof randomTools>;

interface SourceSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  note: string;
  annotator: string;
}

interface SourceLine {
  text: string;
  spans: SourceSpan[];
  relations: Array<{ from: string; to: string; type: string }>;
}

/** A layer independent of ids and times: its spans and its links by what they join, sorted. */
type LayerShape = string[];

const WORDS = [
  'the',
  'ministry',
  'denied',
  '300',
  'fighters',
  'قال',
  'المصدر',
  'إن',
  '😀',
  'report',
  'crossed',
];

function prose(tools: Tools, words: number): string {
  return Array.from({ length: words }, (_, i) => tools.pick(WORDS) + (i % 14 === 13 ? '\n' : ' '))
    .join('')
    .trim();
}

function randomLayer(tools: Tools, text: string, annotator: string, prefix: string): SourceLine {
  const length = Array.from(text).length;
  const spans: SourceSpan[] = Array.from({ length: tools.int(1, 6) }, (_, i) => {
    const start = tools.int(0, length - 12);
    return {
      id: `${prefix}-${i}`,
      start,
      end: start + tools.int(1, 11),
      label: tools.pick(['claim', 'denial', 'number']),
      note: tools.chance(0.3) ? prose(tools, 3) : '',
      annotator,
    };
  });
  const relations =
    spans.length > 1 && tools.chance(0.5)
      ? [{ from: spans[0]!.id, to: spans[1]!.id, type: tools.pick(['denies', 'supports']) }]
      : [];
  return { text, spans, relations };
}

/** Ana's layer as the second source has it: some spans moved, dropped, added or re-noted, or all the same. */
function changedLayer(tools: Tools, earlier: SourceLine, prefix: string): SourceLine {
  if (tools.chance(0.25))
    return {
      ...earlier,
      spans: earlier.spans.map((s) => ({ ...s, id: `${prefix}-${s.id}` })),
      relations: earlier.relations.map((r) => ({
        ...r,
        from: `${prefix}-${r.from}`,
        to: `${prefix}-${r.to}`,
      })),
    };
  const spans = earlier.spans
    .filter(() => tools.chance(0.8))
    .map((s) => ({
      ...s,
      id: `${prefix}-${s.id}`,
      start: tools.chance(0.2) ? Math.max(0, s.start - 1) : s.start,
      note: tools.chance(0.2) ? 'changed' : s.note,
    }));
  const added = randomLayer(tools, earlier.text, 'Ana', `${prefix}-new`);
  return { text: earlier.text, spans: [...spans, ...added.spans], relations: added.relations };
}

function writeJsonl(path: string, lines: SourceLine[]): void {
  writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

function shapeOf(line: SourceLine, annotator: string): LayerShape {
  const spans = line.spans.filter((s) => s.annotator === annotator);
  const byId = new Map(spans.map((s) => [s.id, s]));
  const extent = (s: SourceSpan) => `${s.label} ${s.start} ${s.end}`;
  return [
    ...spans.map((s) => `${extent(s)} ${JSON.stringify(s.note)}`),
    ...line.relations
      .filter((r) => byId.has(r.from) && byId.has(r.to))
      .map((r) => `link ${r.type} ${extent(byId.get(r.from)!)} -> ${extent(byId.get(r.to)!)}`),
  ].sort();
}

/** A layer as the project holds it, in the same shape. */
function storedShape(project: Project, documentId: string, annotator: string): LayerShape {
  const labels = new Map(project.labels.list().map((l) => [l.id, l.name]));
  const spans = project.annotations.listByDocument(documentId).filter((a) => a.annotator === annotator);
  const byId = new Map(spans.map((a) => [a.id, a]));
  const extent = (a: { labelId: string; start: number; end: number }) =>
    `${labels.get(a.labelId)} ${a.start} ${a.end}`;
  return [
    ...spans.map((a) => `${extent(a)} ${JSON.stringify(a.note)}`),
    ...project.relations
      .listByDocument(documentId)
      .filter((r) => byId.has(r.fromId) && byId.has(r.toId))
      .map((r) => `link ${r.type} ${extent(byId.get(r.fromId)!)} -> ${extent(byId.get(r.toId)!)}`),
  ].sort();
}

const same = (a: LayerShape, b: LayerShape) => a.length === b.length && a.every((line, i) => line === b[i]);

interface ExpectedLayer {
  sha256: string;
  annotator: string;
  before: LayerShape;
  after: LayerShape;
  /** `file:line` of its document in the source, as the worker acknowledges it. */
  where: string;
  /** The project lacked its document. */
  added: boolean;
}

/** The project the rounds start from (Ana's first layers merged in), the source, and every layer's two states. */
function makeMergeFixture(dir: string, seed: number) {
  const tools = randomTools(prng(seed));
  const texts = Array.from(
    { length: DOCUMENTS },
    (_, i) => `Report ${i}\n${prose(tools, tools.int(30, 160))}`,
  );
  const first = texts
    .slice(0, DOCUMENTS - MISSING)
    .map((text, i) => randomLayer(tools, text, 'Ana', `a${i}`));
  const second = texts.map((text, i) => {
    const ana =
      i < first.length ? changedLayer(tools, first[i]!, 'v2') : randomLayer(tools, text, 'Ana', `a${i}`);
    const ben = randomLayer(tools, text, 'Ben', `b${i}`);
    return { text, spans: [...ana.spans, ...ben.spans], relations: [...ana.relations, ...ben.relations] };
  });
  const firstPath = join(dir, 'ana-v1.jsonl');
  const sourcePath = join(dir, 'team-v2.jsonl');
  writeJsonl(firstPath, first);
  writeJsonl(sourcePath, second);

  const template = join(dir, 'template.spanlight');
  const project = Project.create(template);
  try {
    for (const text of texts.slice(0, DOCUMENTS - MISSING))
      addMergedDocument(project, { where: 'fixture', title: text.slice(0, 20), text, layers: [] });
    project.mergeService.merge(firstPath, jsonlMergeSource(firstPath).documents);
  } finally {
    project.close();
  }
  const layers: ExpectedLayer[] = second.flatMap((line, i) =>
    ['Ana', 'Ben'].map((annotator) => ({
      sha256: sha256Of(line.text),
      annotator,
      before: annotator === 'Ana' && i < first.length ? shapeOf(first[i]!, 'Ana') : [],
      after: shapeOf(line, annotator),
      where: `team-v2.jsonl:${i + 1}`,
      added: i >= first.length,
    })),
  );
  return { template, sourcePath, layers, known: new Set(texts.map(sha256Of)) };
}

/** Change-log entries of each layer, `documentId/annotator` -> count. */
function layerEntries(project: Project): Map<string, number> {
  const rows = project.db
    .prepare<[], { id: string; n: number }>(
      `SELECT entity_id AS id, count(*) AS n FROM change_log WHERE entity = 'layer' GROUP BY entity_id`,
    )
    .all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

function verifyMerge(
  path: string,
  fixture: ReturnType<typeof makeMergeFixture>,
  loggedBefore: Map<string, number>,
  acknowledged: Set<string>,
  figures: MergeFigures,
  where: string,
  finished: boolean,
): void {
  const fail = (message: string) => figures.failures.push(`${where}: ${message}`);
  reopenAndCheck(path, fail, (project) => {
    const ids = new Map(
      project.db
        .prepare<[], { sha256: string; id: string }>('SELECT sha256, id FROM documents')
        .all()
        .map((d) => [d.sha256, d.id]),
    );
    for (const sha of ids.keys())
      if (!fixture.known.has(sha)) {
        figures.phantoms++;
        fail(`a document no source holds: sha256 ${sha}`);
      }
    const logged = layerEntries(project);
    for (const layer of fixture.layers) {
      figures.layersChecked++;
      const documentId = ids.get(layer.sha256);
      const name = `${layer.where} ${layer.annotator}`;
      if (documentId === undefined) {
        if (!layer.added) fail(`${name}: its document is gone`);
        if (layer.added && (finished || acknowledged.has(layer.where))) {
          figures.lost++;
          fail(`${name}: the document was acknowledged but is not in the project`);
        }
        continue;
      }
      const now = storedShape(project, documentId, layer.annotator);
      const key = `${documentId}/${layer.annotator}`;
      const entries = (logged.get(key) ?? 0) - (loggedBefore.get(key) ?? 0);
      const isAfter = same(now, layer.after);
      if (!isAfter && !same(now, layer.before)) {
        figures.partial++;
        fail(`${name} holds neither its old layer nor the source's: ${JSON.stringify(now)}`);
      } else if (entries !== (isAfter && !same(layer.before, layer.after) ? 1 : 0)) {
        figures.partial++;
        fail(`${name} is logged ${entries} times`);
      } else if (!isAfter && (layer.added || finished || acknowledged.has(layer.where))) {
        // An added document is written with its layers in one transaction: present means merged.
        if (finished) figures.unfinished++;
        else if (layer.added) figures.phantoms++;
        else figures.lost++;
        fail(`${name} is not merged${finished ? ' after the merge was run to its end' : ''}`);
      }
    }
  });
}

export async function tortureMerge(options: {
  worker: string;
  dir: string;
  rounds: number;
  seed: number;
}): Promise<MergeFigures> {
  const fixture = makeMergeFixture(options.dir, options.seed);
  const template = Project.open(fixture.template);
  const loggedBefore = layerEntries(template);
  template.close();
  const tools = randomTools(prng(options.seed + 1));
  const figures: MergeFigures = {
    rounds: 0,
    kills: 0,
    killedMidMerge: 0,
    layersChecked: 0,
    partial: 0,
    lost: 0,
    phantoms: 0,
    unfinished: 0,
    failures: [],
  };
  const path = join(options.dir, 'round.spanlight');
  const merge = (killAfterMs: number | null): Promise<WorkerRun> =>
    runWorker(
      options.worker,
      [
        'merge',
        path,
        JSON.stringify({ source: fixture.sourcePath, documentsPerTransaction: DOCUMENTS_PER_TRANSACTION }),
      ],
      killAfterMs,
    );
  const acknowledgedBy = (run: WorkerRun) =>
    new Set(run.lines.flatMap((line) => (line.kind === 'merged' ? [line.where] : [])));

  // A whole merge first: it must merge everything, and its length sets the window the kills fall in.
  freshCopy(fixture.template, path);
  const whole = await merge(null);
  if (whole.code !== 0) figures.failures.push(`the uninterrupted merge failed: ${describeUnkilled(whole)}`);
  verifyMerge(path, fixture, loggedBefore, new Set(), figures, 'uninterrupted merge', true);
  figures.layersChecked = 0;
  const window = new KillWindow(whole.elapsedMs);

  for (let round = 1; round <= options.rounds && figures.failures.length === 0; round++) {
    const where = `merge round ${round} (seed ${options.seed})`;
    freshCopy(fixture.template, path);
    const run = await merge(window.next(tools.int));
    window.observe(run);
    figures.rounds++;
    if (run.signal !== 'SIGKILL') {
      if (run.code !== 0) figures.failures.push(`${where}: ${describeUnkilled(run)}`);
    } else figures.kills++;
    const acknowledged = acknowledgedBy(run);
    if (run.signal === 'SIGKILL' && acknowledged.size > 0 && acknowledged.size < DOCUMENTS)
      figures.killedMidMerge++;
    verifyMerge(path, fixture, loggedBefore, acknowledged, figures, where, false);
    // The user merges again after the crash: it finishes the work, doubling nothing.
    const retry = await merge(null);
    if (retry.code !== 0) figures.failures.push(`${where}, merged again: ${describeUnkilled(retry)}`);
    verifyMerge(path, fixture, loggedBefore, acknowledged, figures, `${where}, merged again`, true);
  }
  removeProject(path);
  return figures;
}
