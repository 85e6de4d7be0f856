/**
 * Reading a merge source into documents with per-annotator layers: a canonical JSONL export (spans name their
 * annotator) or another Spanlight project. A project is read from a copy taken through SQLite's backup API,
 * so the source file is never written to, even when it comes from an older Spanlight and needs migrating.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '@shared/errors';
import { mergeSourceKind } from '@shared/layers';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { inspectProjectFile } from '../db/projectFile';
import { provenanceRecord } from '../export/formats/provenance';
import { englishOf, type Message } from '@shared/messages/message';
import type { SourceDocument, SourceLayer, SourceRelation } from '../project/mergeService';
import { Project } from '../project/project';
import { parseCanonicalJsonl } from './formats/jsonl';
import { Importer, emptyReport } from './importer';
import { sourceFromBytes } from './sources';
import { checkDocument } from './parsed';
import { titleOf } from './textDocument';

/**
 * Gives each link to the layer of its spans' annotator, the layer that holds both; a link between two
 * annotators' spans belongs to neither layer and is not merged.
 */
function addLinks(
  layers: Map<string, SourceLayer>,
  annotatorOf: Map<string, string>,
  links: Iterable<SourceRelation>,
): void {
  for (const link of links) {
    const annotator = annotatorOf.get(link.from);
    if (annotator === undefined || annotatorOf.get(link.to) !== annotator) continue;
    const layer = layers.get(annotator)!;
    (layer.relations ??= []).push(link);
  }
}

/**
 * A merge source that cannot be read, with its problems. One problem is a message the interface words; several
 * stay the English list (an error carries one message).
 */
function sourceRejected(problems: readonly Message[]): AppError {
  return new AppError(
    'invalid_input',
    problems.length === 1 ? problems[0]! : problems.map(englishOf).join('\n'),
  );
}

/** What a merge reads from a source: its documents with their layers, and how many spans no layer takes. */
export interface MergeSource {
  documents: SourceDocument[];
  /** Spans that name no annotator: they have no layer to go to, so the merge leaves them and says so. */
  unattributed: number;
}

/** A source by its kind (`mergeSourceKind`): a canonical JSONL export or another Spanlight project. */
export async function readMergeSource(path: string): Promise<MergeSource> {
  return mergeSourceKind(path) === 'jsonl' ? jsonlMergeSource(path) : projectMergeSource(path);
}

/** Documents of a canonical JSONL file. */
export function jsonlMergeSource(path: string): MergeSource {
  const name = basename(path);
  const parsed = parseCanonicalJsonl(name, readFileSync(path, 'utf8'));
  if (!parsed.ok) throw sourceRejected(parsed.problems);
  const problems = parsed.documents.flatMap(checkDocument);
  if (problems.length) throw sourceRejected(problems);
  let unattributed = 0;
  const documents = parsed.documents.map((doc) => {
    const layers = new Map<string, SourceLayer>();
    const annotatorOf = new Map<string, string>();
    for (const span of doc.spans) {
      if (!span.annotator) {
        unattributed++;
        continue;
      }
      if (span.key !== undefined) annotatorOf.set(span.key, span.annotator);
      const layer = layers.get(span.annotator) ?? { annotator: span.annotator, spans: [] };
      layer.spans.push({
        id: span.id,
        label: span.label,
        start: span.start,
        end: span.end,
        note: span.note,
        attributes: span.attributes,
      });
      layers.set(span.annotator, layer);
    }
    addLinks(layers, annotatorOf, doc.relations);
    return {
      where: doc.where,
      title: doc.title ?? titleOf(doc.text),
      text: doc.text,
      meta: doc.meta,
      layers: [...layers.values()],
    };
  });
  return { documents, unattributed };
}

/**
 * Documents of another Spanlight project, each with every annotator's layer and status. The file is checked
 * first as the app checks a project it opens, so a file of another kind is refused by its name and problem.
 */
export async function projectMergeSource(path: string): Promise<MergeSource> {
  inspectProjectFile(path, LATEST_SCHEMA_VERSION);
  const dir = mkdtempSync(join(tmpdir(), 'spanlight-merge-'));
  const copy = join(dir, 'source.spanlight');
  try {
    const original = new Database(path, { readonly: true, fileMustExist: true });
    try {
      await original.backup(copy);
    } finally {
      original.close();
    }
    // A temporary copy: migrating it needs no copy of its own.
    const project = Project.open(copy);
    try {
      const labels = new Map(project.labels.list().map((label) => [label.id, label.name]));
      const statuses = new Map(
        project.layers.statuses().map((s) => [`${s.documentId}\u0000${s.annotator}`, s.status]),
      );
      let unattributed = 0;
      const documents = project.documents.list().map((summary) => {
        const layers = new Map<string, SourceLayer>();
        const annotatorOf = new Map<string, string>();
        for (const a of project.annotations.listByDocument(summary.id)) {
          if (!a.annotator) {
            unattributed++;
            continue;
          }
          annotatorOf.set(a.id, a.annotator);
          const layer = layers.get(a.annotator) ?? {
            annotator: a.annotator,
            spans: [],
            status: statuses.get(`${summary.id}\u0000${a.annotator}`),
          };
          layer.spans.push({
            id: a.id,
            label: labels.get(a.labelId)!,
            start: a.start,
            end: a.end,
            note: a.note,
            attributes: a.attributes,
          });
          layers.set(a.annotator, layer);
        }
        addLinks(
          layers,
          annotatorOf,
          project.relations
            .listByDocument(summary.id)
            .map((r) => ({ id: r.id, from: r.fromId, to: r.toId, type: r.type })),
        );
        // An annotator who marked the document but tagged nothing in it has an empty layer, not none.
        for (const [key, status] of statuses) {
          const [documentId, annotator] = key.split('\u0000') as [string, string];
          if (documentId === summary.id && !layers.has(annotator))
            layers.set(annotator, { annotator, spans: [], status });
        }
        return {
          where: `${basename(path)}: "${summary.title}"`,
          title: summary.title,
          text: project.documents.get(summary.id)!.text,
          meta: provenanceRecord(project.documents.meta(summary.id)!),
          layers: [...layers.values()],
        };
      });
      return { documents, unattributed };
    } finally {
      project.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Adds a source document this project lacks, through the importer (so its document row and change-log entry
 * are those of any import), without spans: the merge then brings its layers. Returns its id.
 */
export function addMergedDocument(project: Project, document: SourceDocument): string | null {
  // Through a canonical JSONL line, so the provenance is read and checked as any import's is.
  const line = JSON.stringify({ title: document.title, text: document.text, meta: document.meta }) + '\n';
  const report = emptyReport();
  new Importer(project, { format: 'jsonl' }).importAll(
    [sourceFromBytes('merged.jsonl', Buffer.from(line, 'utf8'))],
    report,
  );
  return report.imported[0]?.documentId ?? null;
}
