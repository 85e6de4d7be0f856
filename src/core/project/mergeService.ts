/**
 * Merging other annotators' work into this project. A source (another Spanlight project, or a canonical
 * JSONL export) holds documents, matched here by the sha256 of their text, with spans that each name their
 * annotator. For every (document, annotator) in the source, that annotator's layer here becomes the
 * source's: spans added, changed and removed, and the links between them with them, as one undoable action per
 * layer, logged as one change-log entry holding the layer's diff (LayerState: what it touched, before and after).
 *
 * A layer that was edited here since it was last merged from elsewhere (its content no longer hashes to what
 * the last merge left) is a conflict: reported and left alone unless `force`. A layer that already equals the
 * source is left alone, so merging the same source twice changes nothing.
 *
 * Fast at scale (200,000 spans): documents are merged many to a transaction, labels are looked up once, the
 * ids a layer brings are checked against the project in one query, new spans get time-ordered ids (so their
 * primary-key entries append rather than land all over the index), and a layer is written without reading
 * back what it writes and logged in one row. The bench (team suite) sets it beside the limit: the same rows
 * inserted with one prepared statement.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { MergeReport } from '@shared/layers';
import { message } from '@shared/messages/message';
import type { Annotation, AttributeValues, DocumentStatus, Label, Relation } from '@shared/model';
import type { LayerState } from '../repositories/changeLog';
import { orderedId } from '../ids/orderedId';
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

/** A link between two spans of one layer, named by the spans' ids in the source. */
export interface SourceRelation {
  /** Kept as the link's id when free here. */
  id?: string;
  from: string;
  to: string;
  type: string;
}

export interface SourceLayer {
  annotator: string;
  spans: SourceSpan[];
  /** Links between this layer's spans (a link to another annotator's span belongs to no layer). */
  relations?: SourceRelation[];
  status?: DocumentStatus;
}

export interface SourceDocument {
  /** Where it is in the source, for the report. */
  where: string;
  title: string;
  text: string;
  /** Its provenance, as a canonical JSONL line's `meta` has it: kept when the merge adds the document. */
  meta?: Readonly<Record<string, unknown>>;
  layers: SourceLayer[];
}

export interface MergeOptions {
  /** Overwrite layers edited here since their last merge. */
  force?: boolean;
  /** Add the source's documents this project lacks (else they are reported). */
  addDocument?: (document: SourceDocument) => string | null;
  /** MERGE_BATCH unless set (the crash tests set a few, to be killed between commits). */
  documentsPerTransaction?: number;
  /** After each commit, the source documents it made final (their `where`), in order. */
  onCommitted?(where: string[]): void;
}

/** What a merge did; the app shows it as the CLI prints it, so the type lives with the contract. */
export type { MergeReport };

export function emptyMergeReport(): MergeReport {
  return {
    merged: [],
    unchanged: 0,
    conflicts: [],
    missingDocuments: [],
    addedDocuments: [],
    unattributed: 0,
  };
}

/** A link by what it joins: its type and the label and offsets of its two spans. */
export interface LinkShape {
  type: string;
  from: { label: string; start: number; end: number };
  to: { label: string; start: number; end: number };
}

/**
 * What a layer holds, independent of ids and times: label name, offsets, note and attributes of each span,
 * and its links by what they join. A layer without links hashes as it did before links were merged, so the
 * hashes earlier merges recorded still match.
 */
export function layerHash(
  spans: ReadonlyArray<Omit<SourceSpan, 'id'>>,
  links: ReadonlyArray<LinkShape> = [],
): string {
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
  const linked = links.map((l) => JSON.stringify(['link', l.type, extent(l.from), extent(l.to)])).sort();
  return createHash('sha256')
    .update([...canonical, ...linked].join('\n'), 'utf8')
    .digest('hex');
}

/**
 * Documents merged in one transaction. Large, because a commit writes every page the transaction dirtied to
 * the write-ahead log, and merged spans dirty index pages all over the file (the document index, by random
 * document ids): with 1,000 documents a transaction, a 200,000-span merge wrote the same index pages to the
 * log ten times over.
 */
const MERGE_BATCH = 10_000;

/** SQLite's page cache while merging, in KiB. */
const MERGE_CACHE_KIB = 128 * 1024;

function extent(s: { label: string; start: number; end: number }) {
  return `${s.label}\u0000${s.start}\u0000${s.end}`;
}

const linkKey = (from: string, to: string, type: string) => `${from}\u0000${to}\u0000${type}`;

/** What every step of one merge shares: the source's name, the options, the report it fills, the labels. */
interface MergeRun {
  source: string;
  options: MergeOptions;
  report: MergeReport;
  labels: LabelCache;
}

/** A span of the source with its attributes as this project stores them. */
type IncomingSpan = SourceSpan & { labelOf: Label | undefined };

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
    const labels = new LabelCache(this.project);
    // A merge writes rows all over the document index (document ids are random): with SQLite's default 2 MB page
    // cache most of a 200,000-span merge was spent reading back index pages it had just evicted.
    const { db } = this.project;
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${-MERGE_CACHE_KIB}`);
    try {
      this.mergeBatches({ source, options, report, labels }, documents);
    } finally {
      db.pragma(`cache_size = ${cacheSize}`);
    }
    return report;
  }

  private mergeBatches(run: MergeRun, documents: Iterable<SourceDocument>): void {
    const size = run.options.documentsPerTransaction ?? MERGE_BATCH;
    let batch: SourceDocument[] = [];
    const flush = () => {
      this.project.transaction(() => {
        for (const document of batch) this.mergeDocument(run, document);
      });
      run.options.onCommitted?.(batch.map((document) => document.where));
      batch = [];
    };
    for (const document of documents) {
      batch.push(document);
      if (batch.length === size) flush();
    }
    if (batch.length) flush();
  }

  private mergeDocument(run: MergeRun, document: SourceDocument) {
    const { project } = this;
    const { options, report } = run;
    let documentId = project.documents.idBySha256(sha256Of(document.text)) ?? null;
    if (documentId === null && options.addDocument) {
      documentId = options.addDocument(document);
      if (documentId) report.addedDocuments.push(document.where);
    }
    if (documentId === null) {
      report.missingDocuments.push(document.where);
      return;
    }
    let relations: Relation[] | undefined;
    for (const layer of document.layers) {
      // Only the layer is read (the other annotators' spans are most of a document's), and its links only
      // when it has spans.
      const current = this.store.annotations.listByLayer(documentId, layer.annotator);
      const ids = new Set(current.map((a) => a.id));
      if (current.length > 0) relations ??= project.relations.listByDocument(documentId);
      const currentLinks = (relations ?? []).filter((r) => ids.has(r.fromId) && ids.has(r.toId));
      this.mergeLayer(run, documentId, document, layer, { current, currentLinks });
    }
  }

  private mergeLayer(
    run: MergeRun,
    documentId: string,
    document: SourceDocument,
    layer: SourceLayer,
    here: { current: Annotation[]; currentLinks: Relation[] },
  ): void {
    const { project } = this;
    const { source, options, report, labels } = run;
    const { current, currentLinks } = here;
    const currentSpans = current.map((a) => ({ ...a, label: labels.byId(a.labelId).name }));
    const spanShape = new Map(currentSpans.map((s) => [s.id, s]));
    const currentShapes = currentLinks.map((r) => ({
      type: r.type,
      from: spanShape.get(r.fromId)!,
      to: spanShape.get(r.toId)!,
    }));
    // The source's attributes as this project would store them, so equal layers hash equal.
    const incoming: IncomingSpan[] = layer.spans.map((span) => {
      const label = labels.byName(span.label);
      return {
        ...span,
        labelOf: label,
        attributes: label ? checkAttributes(label, span.attributes) : span.attributes,
      };
    });
    const sourceSpans = new Map(incoming.filter((s) => s.id !== undefined).map((s) => [s.id!, s]));
    const incomingLinks = (layer.relations ?? []).filter(
      (r) => sourceSpans.has(r.from) && sourceSpans.has(r.to),
    );
    const incomingHash = layerHash(
      incoming,
      incomingLinks.map((r) => ({
        type: r.type,
        from: sourceSpans.get(r.from)!,
        to: sourceSpans.get(r.to)!,
      })),
    );
    const currentHash = layerHash(currentSpans, currentShapes);
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
      message('actions', 'merge', { annotator: layer.annotator }),
    );
    const before: LayerState = { annotations: [], relations: [] };
    const after: LayerState = { annotations: [], relations: [] };
    const byExtent = new Map(currentSpans.map((s) => [extent(s), s]));
    const counts = { added: 0, changed: 0, removed: 0 };
    const kept = new Set<string>();
    /** Source span id -> the annotation it is here. */
    const local = new Map<string, string>();
    const taken = this.store.annotations.existingIds(incoming.flatMap((s) => (s.id ? [s.id] : [])));
    for (const span of incoming) {
      const label = span.labelOf ?? labels.create(span.label);
      const attributes = span.labelOf ? span.attributes : checkAttributes(label, span.attributes);
      const existing = byExtent.get(extent(span));
      if (existing && !kept.has(existing.id)) {
        kept.add(existing.id);
        if (span.id) local.set(span.id, existing.id);
        const { label: _name, ...annotation } = existing;
        if (
          existing.note !== span.note ||
          JSON.stringify(existing.attributes) !== JSON.stringify(attributes)
        ) {
          before.annotations.push(annotation);
          after.annotations.push({ ...annotation, note: span.note, attributes, updatedAt: recorder.at });
          counts.changed++;
        }
        continue;
      }
      const id = span.id && !taken.has(span.id) ? span.id : orderedId();
      taken.add(id);
      if (span.id) local.set(span.id, id);
      after.annotations.push({
        id,
        documentId,
        labelId: label.id,
        start: span.start,
        end: span.end,
        note: span.note,
        attributes,
        annotator: layer.annotator,
        createdAt: recorder.at,
        updatedAt: recorder.at,
      });
      kept.add(id);
      counts.added++;
    }
    for (const annotation of current) {
      if (kept.has(annotation.id)) continue;
      before.annotations.push(annotation);
      counts.removed++;
    }
    this.mergeLinks(documentId, layer, incomingLinks, currentLinks, local, kept, recorder.at, before, after);
    recorder.layer(`${documentId}/${layer.annotator}`, before, after);
    this.store.layers.recordMerge(documentId, layer.annotator, {
      layerHash: incomingHash,
      source,
      mergedAt: recorder.at,
    });
    if (statusChanged) this.store.layers.setStatus(documentId, layer.annotator, layer.status!, recorder.at);
    report.merged.push({ document: document.where, annotator: layer.annotator, ...counts });
  }

  /**
   * The layer's links become the source's: a link here whose spans stay and that the source also has stays;
   * one the source lacks, or whose span goes, is removed; one only the source has is added.
   */
  private mergeLinks(
    documentId: string,
    layer: SourceLayer,
    incomingLinks: SourceRelation[],
    currentLinks: Relation[],
    local: Map<string, string>,
    kept: Set<string>,
    at: string,
    before: LayerState,
    after: LayerState,
  ): void {
    const wanted = new Map<string, { link: SourceRelation; fromId: string; toId: string }>();
    for (const link of incomingLinks) {
      const fromId = local.get(link.from)!;
      const toId = local.get(link.to)!;
      wanted.set(linkKey(fromId, toId, link.type), { link, fromId, toId });
    }
    for (const relation of currentLinks) {
      const key = linkKey(relation.fromId, relation.toId, relation.type);
      if (kept.has(relation.fromId) && kept.has(relation.toId) && wanted.delete(key)) continue;
      before.relations.push(relation);
    }
    const taken = this.store.relations.existingIds(
      [...wanted.values()].flatMap(({ link }) => (link.id ? [link.id] : [])),
    );
    for (const { link, fromId, toId } of wanted.values()) {
      const id = link.id && !taken.has(link.id) ? link.id : randomUUID();
      taken.add(id);
      after.relations.push({
        id,
        documentId,
        fromId,
        toId,
        type: link.type,
        annotator: layer.annotator,
        createdAt: at,
      });
    }
  }
}

/** The project's labels by id and by name, read once a merge; a label made by the merge joins them. */
class LabelCache {
  private readonly ids: Map<string, Label>;
  private readonly names = new Map<string, Label | undefined>();

  constructor(private readonly project: Project) {
    this.ids = new Map(project.labels.list().map((label) => [label.id, label]));
  }

  byId(id: string): Label {
    return this.ids.get(id)!;
  }

  byName(name: string): Label | undefined {
    if (!this.names.has(name)) this.names.set(name, this.project.labels.byName(name));
    return this.names.get(name);
  }

  /** The project's label of that name, created (through the label service, so logged) when it has none. */
  create(name: string): Label {
    const label =
      this.project.labels.byName(name) ??
      this.project.labelService.create({ name, color: '#888888', hotkey: null, attributes: [] });
    this.ids.set(label.id, label);
    this.names.set(name, label);
    return label;
  }
}
