/**
 * Crash torture of annotation changes: a worker creates, relabels, re-notes and deletes annotations on one
 * project, round after round, each round ended by SIGKILL at a random moment. After each kill the project is
 * reopened the way the app opens it and must pass `integrity_check`, hold every acknowledged change exactly,
 * hold nothing nobody asked for, and agree with its change log (what undo replays). Only the change in
 * flight at the kill, sent but not acknowledged, may have landed or not.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Annotation } from '@shared/model';
import { Importer } from '../../src/core/import/importer';
import { sourceFromBytes } from '../../src/core/import/sources';
import { Project } from '../../src/core/project/project';
import { MIXED_TEXT } from '../support/fixtures';
import { prng, randomTools } from '../support/random';
import type { AnnotationIntent } from './protocol';
import { reopenAndCheck } from './reopen';
import { describeUnkilled, runWorker } from './run';

export interface AnnotationFigures {
  rounds: number;
  kills: number;
  /** Changes the worker acknowledged (a complete line after the commit). */
  acknowledged: number;
  /** Acknowledged annotation states compared with the reopened project, summed over rounds. */
  checked: number;
  /** The change in flight at the kill: found committed, or found rolled back. */
  inFlightCommitted: number;
  inFlightRolledBack: number;
  /** Acknowledged changes missing or different after the kill. Must be 0. */
  lost: number;
  /** Annotations present that no change created. Must be 0. */
  phantoms: number;
  /** Annotations whose newest change-log entry is not their stored state. Must be 0. */
  logMismatches: number;
  failures: string[];
}

const DOCUMENTS = [
  MIXED_TEXT,
  'Officials deny report\nThe ministry denied on Tuesday that 300 fighters had crossed the border near the town.',
  'مصادر: هروب مقاتلين\nقال مصدر أمني إن نحو ١٥ مقاتلاً فرّوا من المعسكر، فيما نفت الوزارة ذلك.',
];

/** Mostly right after the worker starts writing; sometimes long enough for the WAL to grow and checkpoint. */
export function killDelay({ random, int }: ReturnType<typeof randomTools>): number {
  const roll = random();
  return roll < 0.7 ? int(0, 25) : roll < 0.9 ? int(25, 150) : int(150, 600);
}

/** A project with three documents (mixed scripts) to annotate. */
export function createTortureProject(path: string): void {
  const project = Project.create(path);
  try {
    new Importer(project).importAll(
      DOCUMENTS.map((text, i) => sourceFromBytes(`doc-${i}.txt`, Buffer.from(text))),
    );
  } finally {
    project.close();
  }
}

/** The state a change in flight would have left, ignoring the time it would have stamped. */
function landed(intent: AnnotationIntent, before: Annotation | null, actual: Annotation | null): boolean {
  if (intent.op === 'create') {
    return (
      actual !== null &&
      before === null &&
      actual.documentId === intent.documentId &&
      actual.start === intent.start &&
      actual.end === intent.end &&
      actual.labelId === intent.labelId &&
      actual.note === intent.note
    );
  }
  if (intent.op === 'delete') return actual === null;
  if (!before || !actual) return false;
  const changed = intent.op === 'relabel' ? { labelId: intent.labelId } : { note: intent.note };
  return isDeepStrictEqual(actual, { ...before, ...changed, updatedAt: actual.updatedAt });
}

/**
 * Checks the reopened project against what was acknowledged (`model`, updated with the in-flight change when
 * it landed). Only annotations on `documentIds` are compared (all documents when not given).
 */
export function verifyAnnotations(
  path: string,
  model: Map<string, Annotation | null>,
  inFlight: AnnotationIntent | null,
  figures: AnnotationFigures,
  where: string,
  documentIds?: string[],
): void {
  const fail = (message: string) => figures.failures.push(`${where}: ${message}`);
  reopenAndCheck(path, fail, (project) => {
    const ids = documentIds ?? project.documents.list().map((d) => d.id);
    const stored = new Map(ids.flatMap((id) => project.annotations.listByDocument(id)).map((a) => [a.id, a]));
    let inFlightFound = false;

    for (const [id, acknowledged] of model) {
      figures.checked++;
      const actual = stored.get(id) ?? null;
      if (isDeepStrictEqual(actual, acknowledged)) continue;
      if (
        inFlight &&
        inFlight.op !== 'create' &&
        inFlight.id === id &&
        landed(inFlight, acknowledged, actual)
      ) {
        inFlightFound = true;
        model.set(id, actual);
        continue;
      }
      figures.lost++;
      fail(`annotation ${id}: acknowledged ${JSON.stringify(acknowledged)}, found ${JSON.stringify(actual)}`);
    }
    for (const [id, actual] of stored) {
      if (model.has(id)) continue;
      if (inFlight?.op === 'create' && !inFlightFound && landed(inFlight, null, actual)) {
        inFlightFound = true;
        model.set(id, actual);
        continue;
      }
      figures.phantoms++;
      fail(`annotation ${id} is present but was never acknowledged: ${JSON.stringify(actual)}`);
    }
    if (inFlight) figures[inFlightFound ? 'inFlightCommitted' : 'inFlightRolledBack']++;

    // One pass over the log (it has no index by entity, and grows with every round): each annotation's last entry.
    const lastLogged = new Map<string, string | null>();
    const log = project.db.prepare<[], { entity_id: string; after: string | null }>(
      `SELECT entity_id, after FROM change_log WHERE entity = 'annotation' ORDER BY seq`,
    );
    for (const { entity_id, after } of log.iterate()) lastLogged.set(entity_id, after);
    for (const [id, state] of model) {
      const after = lastLogged.get(id);
      if (!isDeepStrictEqual(after ? JSON.parse(after) : null, state)) {
        figures.logMismatches++;
        fail(
          `annotation ${id}: the change log's last entry ${after} is not its state ${JSON.stringify(state)}`,
        );
      }
    }
  });
}

export function emptyAnnotationFigures(): AnnotationFigures {
  return {
    rounds: 0,
    kills: 0,
    acknowledged: 0,
    checked: 0,
    inFlightCommitted: 0,
    inFlightRolledBack: 0,
    lost: 0,
    phantoms: 0,
    logMismatches: 0,
    failures: [],
  };
}

export async function tortureAnnotations(options: {
  worker: string;
  dir: string;
  rounds: number;
  seed: number;
}): Promise<AnnotationFigures> {
  const path = join(options.dir, 'annotations.spanlight');
  createTortureProject(path);
  const tools = randomTools(prng(options.seed));
  const model = new Map<string, Annotation | null>();
  const figures = emptyAnnotationFigures();

  for (let round = 1; round <= options.rounds && figures.failures.length === 0; round++) {
    const workerSeed = options.seed * 1000 + round;
    const where = `round ${round} (seed ${options.seed}, worker seed ${workerSeed})`;
    const run = await runWorker(
      options.worker,
      ['annotate', path, JSON.stringify({ seed: workerSeed, adopt: true })],
      killDelay(tools),
    );
    figures.rounds++;
    if (run.signal !== 'SIGKILL') {
      figures.failures.push(`${where}: ${describeUnkilled(run)}`);
      break;
    }
    figures.kills++;
    let inFlight: AnnotationIntent | null = null;
    for (const line of run.lines) {
      if (line.kind === 'intent') inFlight = line.intent;
      if (line.kind !== 'ack') continue;
      model.set(line.id, line.state);
      inFlight = null;
      figures.acknowledged++;
    }
    verifyAnnotations(path, model, inFlight, figures, where);
  }
  return figures;
}
