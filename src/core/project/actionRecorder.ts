/**
 * Applies the changes of one user action to annotations and links, logs each under the action, and collects
 * the delta the renderer needs. Undo and redo apply logged states through the same code.
 */
import type { Message } from '@shared/messages/message';
import type {
  Annotation,
  AnnotationDelta,
  DocumentMetaFields,
  DocumentStatus,
  Relation,
} from '@shared/model';
import { TOPIC_ATTRIBUTE, topicOf, type Topic } from '@shared/topics';
import type { ChangeCause, ChangeEntity, LayerState } from '../repositories/changeLog';
import type { Project, ProjectStore } from './project';

export class ActionRecorder {
  private readonly annotations = new Map<string, Annotation | null>();
  private readonly relations = new Map<string, Relation | null>();
  /** Set when the action edits the document's provenance, so the delta carries it. */
  private metaChanged = false;

  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
    readonly documentId: string,
    private readonly actionId: number,
    private readonly cause: ChangeCause,
    readonly at: string,
  ) {}

  /**
   * Starts a new undoable action on a document. `description` says what it does as a message of the
   * `actions` catalogue, so undo and history word it in the interface's language.
   */
  static begin(
    project: Project,
    store: ProjectStore,
    documentId: string,
    description: Message,
  ): ActionRecorder {
    const at = project.clock();
    return new ActionRecorder(
      project,
      store,
      documentId,
      store.changes.beginAction(documentId, description, at),
      'do',
      at,
    );
  }

  /**
   * A user's change to an annotation (typed, merged in, adjudicated). Its topic is spelled as the project's
   * list has it, and a topic the list lacks joins it in this same action, so undo takes both back.
   */
  annotation(before: Annotation | null, changed: Annotation | null): void {
    const id = (changed ?? before)!.id;
    const after = changed && this.withAdoptedTopic(changed);
    this.apply('annotation', id, after);
    this.log('annotation', id, before, after);
  }

  /** The annotation with its topic spelled as the project's list has it, the list gaining it if it lacks it. */
  private withAdoptedTopic(changed: Annotation): Annotation {
    const topic = topicOf(changed.attributes);
    if (!topic) return changed;
    return {
      ...changed,
      attributes: {
        ...changed.attributes,
        [TOPIC_ATTRIBUTE]: this.project.topicService.adopt(this, topic.trim()),
      },
    };
  }

  relation(before: Relation | null, after: Relation | null): void {
    const id = (after ?? before)!.id;
    this.apply('relation', id, after);
    this.log('relation', id, before, after);
  }

  /** A topic of the project's list (topicService.ts). */
  topic(before: Topic | null, after: Topic | null): void {
    const id = (after ?? before)!.id;
    this.apply('topic', id, after);
    this.log('topic', id, before, after);
  }

  /**
   * A layer's change as one entry (a merge of thousands of spans logs one row, not one a span): `before` holds
   * the annotations and links it changes or removes as they are, `after` those it changes or adds.
   */
  layer(id: string, before: LayerState, changed: LayerState): void {
    // Topics a merged layer brings join the project's list in this same action, as a typed one's do.
    const after = { ...changed, annotations: changed.annotations.map((a) => this.withAdoptedTopic(a)) };
    this.applyLayer(before, after);
    this.log('layer', id, before, after);
  }

  /**
   * Takes a layer from one logged side to the other with no read: what is only in `from` is deleted, what is
   * in both updated, what is only in `to` inserted (links removed before, and added after, their spans).
   */
  private applyLayer(from: LayerState, to: LayerState): void {
    const { annotations, relations } = this.store;
    const kept = new Set(to.annotations.map((a) => a.id));
    const keptLinks = new Set(to.relations.map((r) => r.id));
    const had = new Set(from.annotations.map((a) => a.id));
    const hadLinks = new Set(from.relations.map((r) => r.id));
    for (const relation of from.relations)
      if (!keptLinks.has(relation.id)) {
        relations.delete(relation.id);
        this.relations.set(relation.id, null);
      }
    for (const annotation of from.annotations)
      if (!kept.has(annotation.id)) {
        annotations.delete(annotation.id);
        this.annotations.set(annotation.id, null);
      }
    for (const annotation of to.annotations) {
      if (had.has(annotation.id)) annotations.update(annotation);
      else annotations.insert(annotation);
      this.annotations.set(annotation.id, annotation);
    }
    for (const relation of to.relations)
      if (!hadLinks.has(relation.id)) {
        relations.insert(relation);
        this.relations.set(relation.id, relation);
      }
  }

  /** The document's workflow status, the one document field a user changes. */
  document(before: DocumentStatus, after: DocumentStatus): void {
    this.apply('document', this.documentId, { status: after });
    this.log('document', this.documentId, { status: before }, { status: after });
  }

  /** The document's provenance (the document panel), logged whole before and after. */
  documentMeta(before: DocumentMetaFields, after: DocumentMetaFields): void {
    this.apply('document_meta', this.documentId, after);
    this.log('document_meta', this.documentId, before, after);
  }

  /**
   * Puts an entity into a logged state (null: absent), whatever it is now; a layer goes from its other logged
   * side, `from` (which undo and redo have checked is what the project holds).
   */
  apply(entity: ChangeEntity, id: string, target: unknown, from?: unknown): void {
    if (entity === 'layer') {
      this.applyLayer(from as LayerState, target as LayerState);
    } else if (entity === 'annotation') {
      const { annotations } = this.store;
      const exists = annotations.get(id) !== undefined;
      // Annotations logged by schema 1 have no attributes: the delta carries them as they are now stored.
      const annotation =
        target === null
          ? null
          : { ...(target as Annotation), attributes: (target as Annotation).attributes ?? {} };
      if (annotation === null) {
        if (exists) annotations.delete(id);
      } else if (exists) annotations.update(annotation);
      else annotations.insert(annotation);
      this.annotations.set(id, annotation);
    } else if (entity === 'relation') {
      const { relations } = this.store;
      // Links are never edited, only made and removed.
      const exists = relations.get(id) !== undefined;
      if (target === null && exists) relations.delete(id);
      else if (target !== null && !exists) relations.insert(target as Relation);
      this.relations.set(id, target as Relation | null);
    } else if (entity === 'document') {
      const { status } = target as { status: DocumentStatus };
      this.store.documents.setStatus(id, status);
      // The annotator's own layer keeps its status too: agreement counts what each annotator marked done.
      const { annotator } = this.project;
      if (annotator) this.store.layers.setStatus(id, annotator, status, this.at);
    } else if (entity === 'document_meta') {
      this.store.documents.setMeta(id, target as DocumentMetaFields);
      this.metaChanged = true;
    } else if (entity === 'topic') {
      const { topics } = this.store;
      const exists = topics.get(id) !== undefined;
      if (target === null) {
        if (exists) topics.delete(id);
      } else if (exists) topics.update(target as Topic);
      else topics.insert(target as Topic);
    } else if (entity === 'rejection') {
      this.store.meta.set(id, JSON.stringify(target ?? []));
    } else {
      throw new Error(`Cannot apply a change to a ${entity}`);
    }
  }

  log(entity: ChangeEntity, id: string, before: unknown, after: unknown): void {
    this.store.changes.append(this.actionId, this.cause, this.at, this.project.annotator, {
      entity,
      entityId: id,
      before,
      after,
    });
  }

  delta(): AnnotationDelta {
    const pick = <T>(map: Map<string, T | null>) => ({
      upserted: [...map.values()].filter((v): v is T => v !== null),
      deleted: [...map].filter(([, v]) => v === null).map(([id]) => id),
    });
    const annotations = pick(this.annotations);
    const relations = pick(this.relations);
    const meta = this.metaChanged ? this.store.documents.meta(this.documentId) : undefined;
    return {
      ...(meta && { meta }),
      documentId: this.documentId,
      upserted: annotations.upserted,
      deletedIds: annotations.deleted,
      upsertedRelations: relations.upserted,
      deletedRelationIds: relations.deleted,
      annotationCount: this.project.annotations.countByDocument(this.documentId),
      status: this.store.documents.summary(this.documentId)?.status ?? null,
      savedAt: this.at,
    };
  }
}
