/**
 * Merging other annotators' work into this project. A source (another Spanlight project, or a canonical
 * JSONL export) holds documents, matched here by the sha256 of their text, with spans that each name their
 * annotator. For every (document, annotator) in the source, that annotator's layer here becomes the
 * source's: spans added, changed and removed as one undoable action per layer, through the change log.
 *
 * A layer that was edited here since it was last merged from elsewhere (its content no longer hashes to what
 * the last merge left) is a conflict: reported and left alone unless `force`. A layer that already equals the
 * source is left alone, so merging the same source twice changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { MergeReport } from '@shared/layers';
import type { Annotation, AttributeValues, DocumentStatus, Label } from '@shared/model';
import { sha256Of } from '../import/textDocument';
import { ActionRecorder } from './actionRecorder';
import { checkAttributes } from './attributes';
import type { Project, ProjectStore } from './project';

export interface SourceSpan {
  /** Kept as the annotation's id when free here. */
  id?: string;
  label: string;
  start: number;
  end: number;
  note: string;
  attributes: AttributeValues;
}

export interface SourceLayer {
  annotator: string;
  spans: SourceSpan[];
  status?: DocumentStatus;
}

export interface SourceDocument {
  /** Where it is in the source, for the report. */
  where: string;
  title: string;
  text: string;
  layers: SourceLayer[];
}

export interface MergeOptions {
  /** Overwrite layers edited here since their last merge. */
  force?: boolean;
  /** Add the source's documents this project lacks (else they are reported). */
  addDocument?: (document: SourceDocument) => string | null;
}

/** What a merge did; the app shows it as the CLI prints it, so the type lives with the contract. */
export type { MergeReport };

export function emptyMergeReport(): MergeReport {
  return { merged: [], unchanged: 0, conflicts: [], missingDocuments: [], addedDocuments: [] };
}

/** What a layer holds, independent of ids and times: label name, offsets, note and attributes of each span. */
export function layerHash(spans: ReadonlyArray<Omit<SourceSpan, 'id'>>): string {
  const canonical = spans
    .map((s) => [
      s.label,
      s.start,
      s.end,
      s.note,
      Object.entries(s.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ])
    .map((entry) => JSON.stringify(entry))
    .sort();
  return createHash('sha256').update(canonical.join('\n'), 'utf8').digest('hex');
}

/** Documents merged in one transaction. */
const MERGE_BATCH = 250;

const extent = (s: { label: string; start: number; end: number }) =>
  `${s.label}\u0000${s.start}\u0000${s.end}`;

export class MergeService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  /** Merges the documents of one source into the project; `source` names it in the merge records. */
  merge(
    source: string,
    documents: Iterable<SourceDocument>,
    options: MergeOptions = {},
    report = emptyMergeReport(),
  ) {
    // Layers are merged a batch of documents to a transaction: one commit (one flush to disk) per layer made a
    // merge of 10,000 documents wait on 10,000 flushes. Each layer stays its own undoable action.
    let batch: SourceDocument[] = [];
    const flush = () => {
      this.project.transaction(() => {
        for (const document of batch) this.mergeDocument(source, document, options, report);
      });
      batch = [];
    };
    for (const document of documents) {
      batch.push(document);
      if (batch.length === MERGE_BATCH) flush();
    }
    if (batch.length) flush();
    return report;
  }

  private mergeDocument(
    source: string,
    document: SourceDocument,
    options: MergeOptions,
    report: MergeReport,
  ) {
    const { project } = this;
    let documentId = project.documents.idBySha256(sha256Of(document.text)) ?? null;
    if (documentId === null && options.addDocument) {
      documentId = options.addDocument(document);
      if (documentId) report.addedDocuments.push(document.where);
    }
    if (documentId === null) {
      report.missingDocuments.push(document.where);
      return;
    }
    for (const layer of document.layers)
      this.mergeLayer(source, documentId, document, layer, options, report);
  }

  private mergeLayer(
    source: string,
    documentId: string,
    document: SourceDocument,
    layer: SourceLayer,
    options: MergeOptions,
    report: MergeReport,
  ): void {
    const { project } = this;
    project.transaction(() => {
      const labels = new Map(project.labels.list().map((label) => [label.id, label]));
      const current = project.annotations
        .listByDocument(documentId)
        .filter((a) => a.annotator === layer.annotator);
      const currentSpans = current.map((a) => ({ ...a, label: labels.get(a.labelId)!.name }));
      // The source's attributes as this project would store them, so equal layers hash equal.
      const incoming = layer.spans.map((span) => {
        const label = project.labels.byName(span.label);
        return label ? { ...span, attributes: checkAttributes(label, span.attributes) } : span;
      });
      const incomingHash = layerHash(incoming);
      const currentHash = layerHash(currentSpans);
      const last = project.layers.lastMerge(documentId, layer.annotator);
      const statusChanged =
        layer.status !== undefined && project.layers.status(documentId, layer.annotator) !== layer.status;
      if (currentHash === incomingHash) {
        if (!last || last.layerHash !== incomingHash)
          this.store.layers.recordMerge(documentId, layer.annotator, {
            layerHash: incomingHash,
            source,
            mergedAt: project.clock(),
          });
        if (statusChanged)
          this.store.layers.setStatus(documentId, layer.annotator, layer.status!, project.clock());
        report.unchanged++;
        return;
      }
      // Edited here since the last merge, or made here and never merged: merging would overwrite that work.
      const editedHere = last ? last.layerHash !== currentHash : current.length > 0;
      if (editedHere && !options.force) {
        report.conflicts.push({ document: document.where, annotator: layer.annotator });
        return;
      }
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        documentId,
        `merge ${layer.annotator}'s annotations`,
      );
      const byExtent = new Map(current.map((a) => [extent({ ...a, label: labels.get(a.labelId)!.name }), a]));
      const counts = { added: 0, changed: 0, removed: 0 };
      const kept = new Set<string>();
      for (const span of incoming) {
        const label = this.labelNamed(span.label);
        const attributes = checkAttributes(label, span.attributes);
        const existing = byExtent.get(extent(span));
        if (existing && !kept.has(existing.id)) {
          kept.add(existing.id);
          if (
            existing.note !== span.note ||
            JSON.stringify(existing.attributes) !== JSON.stringify(attributes)
          ) {
            recorder.annotation(existing, {
              ...existing,
              note: span.note,
              attributes,
              updatedAt: recorder.at,
            });
            counts.changed++;
          }
          continue;
        }
        const annotation: Annotation = {
          id: span.id && !project.annotations.get(span.id) ? span.id : randomUUID(),
          documentId,
          labelId: label.id,
          start: span.start,
          end: span.end,
          note: span.note,
          attributes,
          annotator: layer.annotator,
          createdAt: recorder.at,
          updatedAt: recorder.at,
        };
        recorder.annotation(null, annotation);
        kept.add(annotation.id);
        counts.added++;
      }
      for (const annotation of current) {
        if (kept.has(annotation.id)) continue;
        for (const relation of project.relations.touching(annotation.id)) recorder.relation(relation, null);
        recorder.annotation(annotation, null);
        counts.removed++;
      }
      this.store.layers.recordMerge(documentId, layer.annotator, {
        layerHash: incomingHash,
        source,
        mergedAt: recorder.at,
      });
      if (statusChanged) this.store.layers.setStatus(documentId, layer.annotator, layer.status!, recorder.at);
      report.merged.push({ document: document.where, annotator: layer.annotator, ...counts });
    });
  }

  /** The project's label of that name, created (through the label service, so logged) when it has none. */
  private labelNamed(name: string): Label {
    return (
      this.project.labels.byName(name) ??
      this.project.labelService.create({ name, color: '#888888', hotkey: null, attributes: [] })
    );
  }
}
