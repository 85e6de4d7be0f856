/**
 * The user's changes to annotations. Each is one transaction that applies the change, records it as an
 * undoable action and appends it to the change log: when the call returns, the change is on disk.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import { englishOf, message, type Message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { Annotation, AnnotationDelta, AttributeValues } from '@shared/model';
import { spanBoundsParams, spanBoundsProblem } from '@shared/offsets';
import { ActionRecorder } from './actionRecorder';
import { checkAttributes } from './attributes';
import type { Project, ProjectStore } from './project';

export interface CreateAnnotation {
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  note?: string;
  attributes?: AttributeValues;
  /** 'suggestion' when accepted from a suggestion. */
  origin?: 'suggestion';
  /**
   * Whose layer it goes to; when absent, the layer the user works in (their own, or the one they curate into).
   * The CLI accepts suggestions `--as` someone.
   */
  annotator?: string;
}

export class AnnotationService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  create(request: CreateAnnotation): AnnotationDelta {
    return this.createMany(request.documentId, [request]);
  }

  /**
   * Several annotations of one document as one undoable action (accepting all suggestions of a label):
   * each checked as `create` checks it, all stored or none.
   */
  createMany(documentId: string, requests: readonly Omit<CreateAnnotation, 'documentId'>[]): AnnotationDelta {
    const { project } = this;
    if (requests.length === 0) throw new AppError('invalid_input', errorMessage('annotate.nothing'));
    return project.transaction(() => {
      const document = project.documents.summary(documentId);
      if (!document) throw new AppError('not_found', errorMessage('notFound.document', { id: documentId }));
      const labels = requests.map((request) => this.requireLabel(request.labelId));
      const names = [...new Set(labels.map((label) => label.name))].join(', ');
      const description =
        requests.length === 1
          ? message('actions', 'create', { label: names })
          : message('actions', 'createMany', { count: requests.length, labels: names });
      const recorder = ActionRecorder.begin(project, this.store, documentId, description);
      requests.forEach((request, i) => {
        const label = labels[i]!;
        const problem = spanBoundsProblem(request, document.length);
        if (problem) {
          const values = { title: document.title, ...spanBoundsParams(request, document.length) };
          throw new AppError('invalid_input', errorMessage(`annotate.bounds.${problem}`, values));
        }
        const attributes = checkAttributes(label, request.attributes ?? {});
        const annotation: Annotation = {
          id: randomUUID(),
          documentId,
          labelId: request.labelId,
          start: request.start,
          end: request.end,
          note: request.note ?? '',
          attributes,
          annotator: request.annotator ?? project.layerAccess.acting,
          createdAt: recorder.at,
          updatedAt: recorder.at,
          ...(request.origin ? { origin: request.origin } : {}),
        };
        recorder.annotation(null, annotation);
      });
      // Work has begun: the first annotation takes a document from to do to in progress, in the same
      // action, so undoing it puts the document back to to do.
      if (document.status === 'todo') recorder.document('todo', 'in_progress');
      return recorder.delta();
    });
  }

  relabel(id: string, labelId: string): AnnotationDelta {
    const label = this.requireLabel(labelId);
    return this.update(id, message('actions', 'relabel', { label: label.name }), (annotation) => ({
      ...annotation,
      labelId,
    }));
  }

  setNote(id: string, note: string): AnnotationDelta {
    return this.update(id, message('actions', 'editNote'), (annotation) => ({ ...annotation, note }));
  }

  setAttributes(id: string, attributes: AttributeValues): AnnotationDelta {
    return this.update(id, message('actions', 'editAttributes'), (annotation) => ({
      ...annotation,
      attributes: checkAttributes(this.requireLabel(annotation.labelId), attributes),
    }));
  }

  /** Deletes an annotation and the links from and to it, as one undoable action. */
  delete(id: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const annotation = this.requireAnnotation(id);
      project.layerAccess.requireEditable(annotation, 'delete it');
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        annotation.documentId,
        message('actions', 'delete', { label: this.labelName(annotation.labelId) }),
      );
      for (const relation of project.relations.touching(id)) recorder.relation(relation, null);
      recorder.annotation(annotation, null);
      return recorder.delta();
    });
  }

  private update(id: string, description: Message, change: (a: Annotation) => Annotation): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const before = this.requireAnnotation(id);
      project.layerAccess.requireEditable(before, englishOf(description));
      const recorder = ActionRecorder.begin(project, this.store, before.documentId, description);
      recorder.annotation(before, { ...change(before), updatedAt: recorder.at });
      return recorder.delta();
    });
  }

  private labelName(labelId: string): string {
    return this.project.labels.get(labelId)?.name ?? labelId;
  }

  private requireAnnotation(id: string): Annotation {
    const annotation = this.project.annotations.get(id);
    if (!annotation) throw new AppError('not_found', errorMessage('notFound.annotation', { id }));
    return annotation;
  }

  private requireLabel(labelId: string) {
    const label = this.project.labels.get(labelId);
    if (!label) throw new AppError('not_found', errorMessage('notFound.label', { id: labelId }));
    return label;
  }
}
