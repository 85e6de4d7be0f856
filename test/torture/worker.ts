/**
 * The process the crash tests kill. It changes a project through exactly the code the app runs (Project,
 * AnnotationService, Importer, the open path with its migrations) and reports each committed change on
 * stdout (protocol.ts). Built to one ES module by build.ts, since the domain code relies on Vite
 * (`import.meta.glob` for the migrations, the `@shared` alias) and a child process runs plain JavaScript.
 *
 *   node worker.mjs annotate <project> '{"seed":1,"adopt":true}'                  changes annotations until killed
 *   node worker.mjs import <project> '{"folder":"...","filesPerTransaction":8}'   imports a folder, 8 files a commit
 *   node worker.mjs open <project> '{"backupDir":"..."}'                          opens (and so migrates) a project
 *   node worker.mjs merge <project> '{"source":"...","documentsPerTransaction":6}' merges a JSONL, adding documents
 */
import { backUpBeforeMigrating } from '../../src/core/backup/backupStore';
import { LATEST_SCHEMA_VERSION } from '../../src/core/db/migrations';
import { Importer, emptyReport } from '../../src/core/import/importer';
import { addMergedDocument, jsonlMergeSource } from '../../src/core/import/mergeSources';
import { sourcesFromPaths } from '../../src/core/import/sources';
import { Project } from '../../src/core/project/project';
import { prng, randomTools } from '../support/random';
import { writeLine, type AnnotationIntent } from './protocol';

export interface AnnotateOptions {
  seed: number;
  /** Also change the annotations already in the project (left by earlier rounds), not only new ones. */
  adopt: boolean;
  /** Stop after this many changes (the concurrency tests); unset, go on until killed. */
  maxChanges?: number;
  /**
   * Annotate only these documents. The concurrency test's checks read the documents the project started
   * with; without this, a worker starting late would also annotate documents another process just imported.
   */
  documentIds?: string[];
  /**
   * Only create annotations: as a second window that goes on tagging while this project is restored, after
   * which its earlier annotations may be gone (the restore test).
   */
  createOnly?: boolean;
  /**
   * After the last change, report `done` and stay idle with the project open until killed, as an app left
   * open (the copy and rename tests): the project is never closed, so nothing but the app's own idle
   * checkpoint moves the changes out of the -wal.
   */
  stayOpen?: boolean;
}

type Tools = ReturnType<typeof randomTools>;

/** Empty, short, or long enough that one change spans several database pages; Arabic and emoji included. */
function randomNote({ int, pick, chance }: Tools): string {
  if (chance(0.4)) return '';
  const pieces = ['claim', 'قال المصدر', '😀', ' ', 'رقم ٣', 'x', '\n', 'Zürich', '👨‍👩‍👧'];
  const length = chance(0.8) ? int(1, 12) : int(300, 2500);
  return Array.from({ length }, () => pick(pieces)).join('');
}

function annotate(path: string, options: AnnotateOptions): void {
  const tools = randomTools(prng(options.seed));
  const { int, pick, random } = tools;
  const project = Project.open(path);
  const documents = project.documents
    .list()
    .filter((d) => !options.documentIds || options.documentIds.includes(d.id));
  const labels = project.labels.list().map((label) => label.id);
  const mine = options.adopt
    ? documents.flatMap((d) => project.annotations.listByDocument(d.id).map((a) => a.id))
    : [];
  writeLine({ kind: 'started' });

  for (let n = 0; options.maxChanges === undefined || n < options.maxChanges; n++) {
    const roll = mine.length < 4 || options.createOnly ? 0 : random();
    let intent: AnnotationIntent;
    if (roll < 0.3) {
      const document = pick(documents);
      const start = int(0, document.length - 2);
      intent = {
        op: 'create',
        documentId: document.id,
        start,
        end: int(start + 1, Math.min(document.length, start + 40)),
        labelId: pick(labels),
        note: randomNote(tools),
      };
    } else if (roll < 0.55) {
      intent = { op: 'relabel', id: pick(mine), labelId: pick(labels) };
    } else if (roll < 0.8) {
      intent = { op: 'note', id: pick(mine), note: randomNote(tools) };
    } else {
      intent = { op: 'delete', id: pick(mine) };
    }
    writeLine({ kind: 'intent', intent });
    const service = project.annotationService;
    switch (intent.op) {
      case 'create': {
        const { op: _op, ...request } = intent;
        const created = service.create(request).upserted[0]!;
        mine.push(created.id);
        writeLine({ kind: 'ack', id: created.id, state: created });
        break;
      }
      case 'relabel':
        writeLine({
          kind: 'ack',
          id: intent.id,
          state: service.relabel(intent.id, intent.labelId).upserted[0]!,
        });
        break;
      case 'note':
        writeLine({
          kind: 'ack',
          id: intent.id,
          state: service.setNote(intent.id, intent.note).upserted[0]!,
        });
        break;
      case 'delete':
        service.delete(intent.id);
        mine.splice(mine.indexOf(intent.id), 1);
        writeLine({ kind: 'ack', id: intent.id, state: null });
        break;
    }
  }
  if (options.stayOpen) {
    writeLine({ kind: 'done' });
    setInterval(() => {}, 60_000);
    return;
  }
  project.close();
  writeLine({ kind: 'done' });
}

/**
 * The folder import of the CLI and the app's Import folder… command, `Importer.importAll`, with each file
 * reported once the transaction holding it has committed; `filesPerTransaction` small, so a kill falls between
 * commits.
 */
function importFolder(path: string, folder: string, filesPerTransaction: number): void {
  const project = Project.open(path);
  const { sources } = sourcesFromPaths([folder]);
  writeLine({ kind: 'started' });
  new Importer(project).importAll(sources, emptyReport(), {
    filesPerTransaction,
    onCommitted: (fileNames) => fileNames.forEach((fileName) => writeLine({ kind: 'imported', fileName })),
  });
  project.close();
  writeLine({ kind: 'done' });
}

/**
 * `spanlight merge --add-documents` of a canonical JSONL, each source document reported once the transaction
 * holding it has committed; `documentsPerTransaction` small, so a kill falls between commits.
 */
function merge(path: string, source: string, documentsPerTransaction: number): void {
  const project = Project.open(path);
  const { documents } = jsonlMergeSource(source);
  writeLine({ kind: 'started' });
  project.mergeService.merge(source, documents, {
    addDocument: (document) => addMergedDocument(project, document),
    documentsPerTransaction,
    onCommitted: (where) => where.forEach((w) => writeLine({ kind: 'merged', where: w })),
  });
  project.close();
  writeLine({ kind: 'done' });
}

function open(path: string, backupDir: string): void {
  writeLine({ kind: 'started' });
  const project = Project.open(path, undefined, { beforeMigrate: backUpBeforeMigrating(backupDir) });
  writeLine({ kind: 'opened', schemaVersion: LATEST_SCHEMA_VERSION });
  project.close();
  writeLine({ kind: 'done' });
}

const [mode, path, json = '{}'] = process.argv.slice(2);
const options = JSON.parse(json);
if (mode === 'annotate') annotate(path!, options as AnnotateOptions);
else if (mode === 'import') importFolder(path!, options.folder, options.filesPerTransaction);
else if (mode === 'open') open(path!, options.backupDir);
else if (mode === 'merge') merge(path!, options.source, options.documentsPerTransaction);
else throw new Error(`unknown mode ${mode}`);
