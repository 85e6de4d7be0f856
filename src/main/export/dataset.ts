/**
 * What an export walks: the project's documents a page at a time, each with its spans and links as every
 * format sees them (labels by name, span text sliced by code points), after the export's filter.
 */
import type { Annotation, AttributeValues, DocumentStatus, Label, Relation } from '@shared/model';
import type { ExportFilter } from '@shared/datasets';
import { OffsetIndex } from '@shared/offsets';
import type { ProjectReader } from '../project/project';
import type { ExportableDocument } from '../repositories/documents';

export interface ExportedSpan {
  id: string;
  start: number;
  end: number;
  label: string;
  text: string;
  note: string;
  attributes: AttributeValues;
  annotator: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedRelation {
  id: string;
  from: string;
  to: string;
  type: string;
}

export interface ExportDocument {
  document: ExportableDocument;
  /** Converts the text's code point offsets to UTF-16 and slices it. */
  index: OffsetIndex;
  /** In text order (start, end, id). */
  spans: ExportedSpan[];
  relations: ExportedRelation[];
}

export function exportedSpans(document: ExportableDocument, annotations: Annotation[], labels: Map<string, Label>, index = new OffsetIndex(document.text)): ExportedSpan[] {
  return annotations.map((a) => ({
    id: a.id,
    start: a.start,
    end: a.end,
    label: labels.get(a.labelId)?.name ?? a.labelId,
    text: index.slice(a.start, a.end),
    note: a.note,
    attributes: a.attributes ?? {},
    annotator: a.annotator,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
}

/**
 * Links whose both ends were kept, ordered by id: what an export carries (a re-import does not keep creation
 * times), so export -> import -> export gives the same bytes.
 */
function keptRelations(relations: Relation[], kept: Annotation[]): ExportedRelation[] {
  if (relations.length === 0) return [];
  const keptIds = new Set(kept.map((a) => a.id));
  return relations
    .filter((r) => keptIds.has(r.fromId) && keptIds.has(r.toId))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ id: r.id, from: r.fromId, to: r.toId, type: r.type }));
}

const PAGE_SIZE = 200;

/** The documents, spans and links an export holds, read page by page from a project snapshot. */
export class ExportSelection {
  readonly labels: Label[];
  private readonly labelsById: Map<string, Label>;
  private readonly statuses: DocumentStatus[] | null;
  private readonly annotator: string | undefined;

  constructor(
    private readonly reader: ProjectReader,
    readonly filter: ExportFilter = {},
  ) {
    const all = reader.labels.list();
    const wanted = filter.labels?.length ? new Set(filter.labels.map((name) => name.toLowerCase())) : null;
    this.labels = wanted ? all.filter((l) => wanted.has(l.name.toLowerCase())) : all;
    this.labelsById = new Map(this.labels.map((l) => [l.id, l]));
    this.statuses = filter.statuses?.length ? filter.statuses : null;
    this.annotator = filter.annotator;
  }

  /** How many documents the export holds. */
  countDocuments(): number {
    return this.reader.documents.countWithStatus(this.statuses);
  }

  private keeps(annotation: Annotation): boolean {
    return this.labelsById.has(annotation.labelId) && (this.annotator === undefined || annotation.annotator === this.annotator);
  }

  /** Pages of documents in import order, each document with its kept spans and links. */
  *pages(): Generator<ExportDocument[]> {
    let after = 0;
    for (;;) {
      const page = this.reader.documents.page(after, PAGE_SIZE, this.statuses);
      if (page.length === 0) return;
      const ids = page.map((d) => d.id);
      const annotations = this.reader.annotations.listByDocuments(ids);
      const relations = this.reader.relations.listByDocuments(ids);
      yield page.map(({ rowid: _rowid, ...document }) => {
        const index = new OffsetIndex(document.text);
        const kept = (annotations.get(document.id) ?? []).filter((a) => this.keeps(a));
        const spans = exportedSpans(document, kept, this.labelsById, index);
        return { document, index, spans, relations: keptRelations(relations.get(document.id) ?? [], kept) };
      });
      after = page[page.length - 1]!.rowid;
    }
  }
}
