/**
 * The claim board built from a project: every annotation that carries a topic, grouped by topic (in the
 * order of the project's topic list), each row with its figure, its source (sourceRule.ts), its document's
 * outlet and date and the denials linked to it, sorted by date (undated documents last).
 */
import type { Board, BoardRow, BoardTopic } from '@shared/board';
import type { Annotation, Label, Relation } from '@shared/model';
import { parseNumber } from '@shared/numbers';
import { sliceCodePoints } from '@shared/offsets';
import { topicOf } from '@shared/topics';
import type { ProjectReader } from '../project/project';
import type { DocumentMetaOf } from './documentMeta';
import { sourceOf } from './sourceRule';
import { numberAttribute, textAttribute } from './spanAttributes';

export interface BoardOptions {
  /** Only this topic (matched without regard to case). */
  topic?: string;
  /** Only these documents (a filter of the document list). */
  documentIds?: ReadonlySet<string>;
}

/** The label a span has in the guidelines' terms, by its id or its name (a project may rename the defaults). */
function isKind(label: Label | undefined, kind: 'claim' | 'denial' | 'number'): boolean {
  return label !== undefined && (label.id === kind || label.name.toLowerCase() === kind);
}

/** One document's spans, and what each needs from the others: enclosing claims and denials. */
class DocumentSpans {
  private readonly claims: Annotation[];
  private readonly byId: Map<string, Annotation>;

  constructor(
    annotations: Annotation[],
    private readonly relations: Relation[],
    private readonly labelOf: (a: Annotation) => Label | undefined,
  ) {
    this.byId = new Map(annotations.map((a) => [a.id, a]));
    this.claims = annotations.filter((a) => isKind(labelOf(a), 'claim'));
  }

  /** The smallest claim (other than the span itself) that covers the span. */
  enclosingClaim(span: Annotation): Annotation | null {
    let best: Annotation | null = null;
    for (const claim of this.claims) {
      if (claim.id === span.id || claim.start > span.start || claim.end < span.end) continue;
      if (!best || claim.end - claim.start < best.end - best.start) best = claim;
    }
    return best;
  }

  /**
   * The denials of a span: the far end of every `denies` link that points at it, or that it makes towards
   * an annotation labelled denial (a link drawn the other way round).
   */
  deniersOf(span: Annotation): string[] {
    const ids: string[] = [];
    for (const relation of this.relations) {
      if (relation.type !== 'denies') continue;
      if (relation.toId === span.id) ids.push(relation.fromId);
      else if (relation.fromId === span.id && isKind(this.labelOf(this.byId.get(relation.toId)!), 'denial'))
        ids.push(relation.toId);
    }
    return ids;
  }
}

/** Dated rows first, oldest first; then by document and place in it. */
function byDate(a: BoardRow, b: BoardRow): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  if (a.documentId !== b.documentId) return a.documentTitle < b.documentTitle ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}

function spreadOf(rows: BoardRow[]): BoardTopic['spread'] {
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  return values.length ? { low: Math.min(...values), high: Math.max(...values) } : null;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function buildBoard(reader: ProjectReader, metaOf: DocumentMetaOf, options: BoardOptions = {}): Board {
  const labels = new Map(reader.labels.list().map((l) => [l.id, l]));
  const labelOf = (a: Annotation) => labels.get(a.labelId);
  const tagged = reader.annotations
    .withTopic(options.topic ?? null)
    .filter((a) => !options.documentIds || options.documentIds.has(a.documentId));
  const taggedByDocument = groupBy(tagged, (a) => a.documentId);
  const documentIds = [...taggedByDocument.keys()];
  const relations = reader.relations.listByDocuments(documentIds);

  const rows: BoardRow[] = [];
  for (const documentId of documentIds) {
    const document = reader.documents.get(documentId);
    if (!document) continue;
    const meta = metaOf(documentId);
    const spans = new DocumentSpans(
      reader.annotations.listByDocument(documentId),
      relations.get(documentId) ?? [],
      labelOf,
    );
    for (const annotation of taggedByDocument.get(documentId)!) {
      const label = labelOf(annotation);
      const text = sliceCodePoints(document.text, annotation.start, annotation.end);
      const claim = spans.enclosingClaim(annotation);
      const ownDenials = spans.deniersOf(annotation);
      // A figure inside a denied claim is denied with it.
      const claimDenials = claim && !isKind(label, 'claim') ? spans.deniersOf(claim) : [];
      rows.push({
        topic: topicOf(annotation.attributes)!,
        annotationId: annotation.id,
        label: label?.name ?? annotation.labelId,
        value: numberAttribute(annotation, 'value') ?? (isKind(label, 'number') ? parseNumber(text) : null),
        unit: textAttribute(annotation, 'unit'),
        approximate: annotation.attributes.approximate === true,
        ...sourceOf(annotation, claim, meta.outlet),
        outlet: meta.outlet,
        published: meta.published,
        documentId,
        documentTitle: meta.title || document.title,
        fileName: meta.fileName,
        start: annotation.start,
        end: annotation.end,
        text,
        deniedBy: [...new Set([...ownDenials, ...claimDenials])],
      });
    }
  }

  const order = reader.topics.list().map((t) => t.name.toLowerCase());
  const rank = (topic: string) => {
    const at = order.indexOf(topic.toLowerCase());
    return at === -1 ? order.length : at;
  };
  // The list's spelling of each topic, looked up once a spelling rather than once a row.
  const spelling = new Map<string, string>();
  const spelled = (topic: string) => {
    let name = spelling.get(topic);
    if (name === undefined) spelling.set(topic, (name = reader.topics.byName(topic)?.name ?? topic));
    return name;
  };
  const topics = groupBy(rows, (row) => spelled(row.topic));
  return {
    topics: [...topics]
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
      .map(([topic, topicRows]) => {
        const sorted = topicRows.sort(byDate);
        return { topic, rows: sorted, spread: spreadOf(sorted) };
      }),
  };
}
