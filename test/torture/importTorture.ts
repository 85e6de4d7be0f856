/**
 * Crash torture of a large folder import: text files of all sizes, two canonical JSONL files with spans, and a
 * binary file the importer rejects. Each round imports the folder into a fresh project and is killed at a
 * random moment of the import. After the kill the project must pass `integrity_check`, every file must be
 * wholly in (all its documents, spans and change-log entries) or wholly out, and every file the worker
 * acknowledged (the importer reported it committed) must be in.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Project } from '../../src/core/project/project';
import { sha256Of } from '../../src/core/import/textDocument';
import { prng, randomTools } from '../support/random';
import { reopenAndCheck } from './reopen';
import { KillWindow, describeUnkilled, runWorker, type WorkerRun } from './run';
import { freshCopy, removeProject } from './roundFiles';

export interface ImportFigures {
  rounds: number;
  kills: number;
  /** Kills that came with some files in and some still to come. */
  killedMidImport: number;
  filesAcknowledged: number;
  filesChecked: number;
  /** Files with some but not all of their documents, spans or log entries. Must be 0. */
  partial: number;
  /** Acknowledged files not in the project. Must be 0. */
  lost: number;
  /** Documents no file holds. Must be 0. */
  phantoms: number;
  failures: string[];
}

/** Figures before any round: every count at zero. */
export function noImportFigures(rounds = 0): ImportFigures {
  return {
    rounds,
    kills: 0,
    killedMidImport: 0,
    filesAcknowledged: 0,
    filesChecked: 0,
    partial: 0,
    lost: 0,
    phantoms: 0,
    failures: [],
  };
}

/**
 * The app commits 500 files at a time, more than this folder holds: with a few a commit the import is many
 * commits, and most kills fall between two of them, some files reported and some not.
 */
const FILES_PER_TRANSACTION = 8;

interface ExpectedFile {
  /** sha256 of each document's text; none for a file the importer rejects. */
  documents: string[];
  spansPerDocument: number;
}

const WORDS = [
  'the',
  'ministry',
  'denied',
  'that',
  '300',
  'fighters',
  'crossed',
  'قال',
  'المصدر',
  'إن',
  'الهجوم',
  'فشل',
  '😀',
  'report',
];

function prose(tools: ReturnType<typeof randomTools>, length: number): string {
  const words = Array.from(
    { length: Math.ceil(length / 6) },
    (_, i) => tools.pick(WORDS) + (i % 12 === 11 ? '\n' : ' '),
  );
  return words.join('').trim();
}

/** Writes the folder; returns what each file (named as the importer names it) must put in the project. */
export function makeImportFolder(
  dir: string,
  seed: number,
  textFiles: number,
): { folder: string; expected: Map<string, ExpectedFile> } {
  const tools = randomTools(prng(seed));
  const folder = join(dir, 'articles');
  mkdirSync(folder, { recursive: true });
  const expected = new Map<string, ExpectedFile>();
  const name = (file: string) => join(basename(folder), file);

  for (let i = 0; i < textFiles; i++) {
    const text = `Article ${i}\n${prose(tools, tools.chance(0.1) ? tools.int(20_000, 60_000) : tools.int(200, 6000))}\n`;
    const file = `article-${String(i).padStart(3, '0')}.txt`;
    writeFileSync(join(folder, file), text);
    expected.set(name(file), { documents: [sha256Of(text)], spansPerDocument: 0 });
  }
  for (const batch of ['a', 'b']) {
    const lines: string[] = [];
    const documents: string[] = [];
    for (let i = 0; i < 30; i++) {
      const text = `Batch ${batch} report ${i}\n${prose(tools, tools.int(200, 3000))}`;
      const chars = Array.from(text);
      const spans = [0, 1, 2].map((k) => {
        const start = tools.int(0, chars.length - 10);
        const end = start + tools.int(1, 9);
        return {
          start,
          end,
          label: ['claim', 'denial', 'number'][k],
          text: chars.slice(start, end).join(''),
          note: `n${k}`,
        };
      });
      lines.push(JSON.stringify({ title: `Batch ${batch} ${i}`, text, spans }));
      documents.push(sha256Of(text));
    }
    writeFileSync(join(folder, `batch-${batch}.jsonl`), `${lines.join('\n')}\n`);
    expected.set(name(`batch-${batch}.jsonl`), { documents, spansPerDocument: 3 });
  }
  writeFileSync(join(folder, 'zz-binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00]));
  expected.set(name('zz-binary.txt'), { documents: [], spansPerDocument: 0 });
  return { folder, expected };
}

/** `alreadyThere`: the sha256 of documents the project held before the import. */
export function verifyImport(
  path: string,
  expected: Map<string, ExpectedFile>,
  acknowledged: Set<string>,
  figures: ImportFigures,
  where: string,
  alreadyThere: ReadonlySet<string> = new Set(),
): void {
  const fail = (message: string) => figures.failures.push(`${where}: ${message}`);
  reopenAndCheck(path, fail, (project) => {
    const stored = new Map(
      project.db
        .prepare<[], { sha256: string; id: string }>('SELECT sha256, id FROM documents')
        .all()
        .map((d) => [d.sha256, d.id]),
    );
    const spans = project.db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM annotations WHERE document_id = ?',
    );
    const logged = project.db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM change_log WHERE entity = 'document' AND entity_id = ? AND op = 'insert'`,
    );
    const claimed = new Set(alreadyThere);

    for (const [file, { documents, spansPerDocument }] of expected) {
      figures.filesChecked++;
      documents.forEach((sha) => claimed.add(sha));
      const present = documents.map((sha) => stored.get(sha)).filter((id): id is string => id !== undefined);
      const whole = present.every((id) => spans.get(id)!.n === spansPerDocument && logged.get(id)!.n === 1);
      if (present.length !== 0 && (present.length !== documents.length || !whole)) {
        figures.partial++;
        fail(
          `${file} is partly in: ${present.length} of ${documents.length} documents, spans and log ${whole ? 'complete' : 'incomplete'}`,
        );
      } else if (present.length === 0 && documents.length > 0 && acknowledged.has(file)) {
        figures.lost++;
        fail(`${file} was acknowledged but is not in the project`);
      }
    }
    for (const sha of stored.keys()) {
      if (claimed.has(sha)) continue;
      figures.phantoms++;
      fail(`a document no file holds: sha256 ${sha}`);
    }
  });
}

export async function tortureImport(options: {
  worker: string;
  dir: string;
  rounds: number;
  seed: number;
  textFiles?: number;
}): Promise<ImportFigures> {
  const { folder, expected } = makeImportFolder(options.dir, options.seed, options.textFiles ?? 120);
  const template = join(options.dir, 'empty.spanlight');
  Project.create(template).close();
  const tools = randomTools(prng(options.seed + 1));
  const figures = noImportFigures();
  const path = join(options.dir, 'round.spanlight');
  const importInto = (killAfterMs: number | null): Promise<WorkerRun> => {
    freshCopy(template, path);
    return runWorker(
      options.worker,
      ['import', path, JSON.stringify({ folder, filesPerTransaction: FILES_PER_TRANSACTION })],
      killAfterMs,
    );
  };
  const acknowledgedBy = (run: WorkerRun) =>
    new Set(run.lines.flatMap((line) => (line.kind === 'imported' ? [line.fileName] : [])));

  // A whole import first: it must bring in everything, and its length sets the window the kills fall in.
  const whole = await importInto(null);
  if (whole.code !== 0) figures.failures.push(`the uninterrupted import failed: ${describeUnkilled(whole)}`);
  verifyImport(path, expected, new Set(expected.keys()), figures, 'uninterrupted import');
  figures.filesChecked = 0;
  const window = new KillWindow(whole.elapsedMs);

  for (let round = 1; round <= options.rounds && figures.failures.length === 0; round++) {
    const where = `import round ${round} (seed ${options.seed})`;
    const run = await importInto(window.next(tools.int));
    window.observe(run);
    figures.rounds++;
    if (run.signal !== 'SIGKILL') {
      // The kill came after the worker finished: a round that tested nothing. Rare; count it as such.
      if (run.code !== 0) figures.failures.push(`${where}: ${describeUnkilled(run)}`);
    } else {
      figures.kills++;
    }
    const acknowledged = acknowledgedBy(run);
    figures.filesAcknowledged += acknowledged.size;
    if (run.signal === 'SIGKILL' && acknowledged.size > 0 && acknowledged.size < expected.size)
      figures.killedMidImport++;
    verifyImport(path, expected, acknowledged, figures, where);
  }
  removeProject(path);
  return figures;
}
