/**
 * Whether an entity is still in the state an action left it in. Undo puts back the state before an action
 * by overwriting the entity; when another window or program changed the entity since, that would silently
 * throw its change away (a second window relabels an annotation, the first window's Ctrl+Z deletes it).
 */
import type { Annotation, DocumentMetaFields, Relation } from '@shared/model';
import type { Topic } from '@shared/topics';
import type { ChangeEntity, LayerState } from '../repositories/changeLog';
import type { MetaReads } from '../repositories/meta';
import type { ProjectReader } from './project';
import { readRejections } from './rejections';

/** What a user changes in an annotation: timestamps and who are left out (undo itself restamps them). */
function annotationContent(annotation: Annotation): string {
  const attributes = Object.entries(annotation.attributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const { documentId, labelId, start, end, note } = annotation;
  return JSON.stringify([documentId, labelId, start, end, note, attributes]);
}

function metaContent(meta: DocumentMetaFields): string {
  const { outlet, published, url, language, externalId, extra } = meta;
  return JSON.stringify([outlet, published, url, language, externalId, extra]);
}

function relationContent(relation: Relation): string {
  return JSON.stringify([relation.documentId, relation.fromId, relation.toId, relation.type]);
}

/**
 * Whether entity `id` is now as `expected` (a logged state; null: absent). A layer is as expected when each
 * annotation and link of `expected` is, and those only on its `other` side are absent.
 */
export function isStill(
  project: ProjectReader & { meta: MetaReads },
  entity: ChangeEntity,
  id: string,
  expected: unknown,
  other?: unknown,
): boolean {
  if (entity === 'layer') {
    const [state, otherState] = [expected as LayerState, other as LayerState];
    const annotations = new Set(state.annotations.map((a) => a.id));
    const relations = new Set(state.relations.map((r) => r.id));
    return (
      state.annotations.every((a) => isStill(project, 'annotation', a.id, a)) &&
      state.relations.every((r) => isStill(project, 'relation', r.id, r)) &&
      otherState.annotations.every((a) => annotations.has(a.id) || !project.annotations.get(a.id)) &&
      otherState.relations.every((r) => relations.has(r.id) || !project.relations.get(r.id))
    );
  }
  if (entity === 'annotation') {
    const current = project.annotations.get(id) ?? null;
    if (current === null || expected === null) return current === expected;
    return annotationContent(current) === annotationContent(expected as Annotation);
  }
  if (entity === 'relation') {
    const current = project.relations.get(id) ?? null;
    if (current === null || expected === null) return current === expected;
    return relationContent(current) === relationContent(expected as Relation);
  }
  if (entity === 'document_meta') {
    const current = project.documents.meta(id);
    // A deleted document has nothing to overwrite; the undo finds no row to change.
    return current === undefined || metaContent(current) === metaContent(expected as DocumentMetaFields);
  }
  if (entity === 'topic') {
    const current = project.topics.get(id) ?? null;
    if (current === null || expected === null) return current === expected;
    const { name, position } = expected as Topic;
    return current.name === name && current.position === position;
  }
  if (entity === 'rejection')
    return JSON.stringify(readRejections(project.meta, id)) === JSON.stringify(expected ?? []);
  return true;
}
