/**
 * The user's changes to annotations. Each is one transaction that applies the change, records it as an
 * undoable action and appends it to the change log: when the call returns, the change is on disk.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import type { Annotation, AnnotationDelta } from '@shared/model';
import { checkSpanBounds } from '@shared/offsets';
import type { Project } from './project';

export interface CreateAnnotation {
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  note?: string;
}

export class AnnotationService {
  constructor(private readonly project: Project) {}

  create(request: CreateAnnotation): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const document = project.documents.summary(request.documentId);
      if (!document) throw new AppError('not_found', `No document with id ${request.documentId}`);
      this.requireLabel(request.labelId);
      const problem = checkSpanBounds(request, document.length);
      if (problem) throw new AppError('invalid_input', `Cannot annotate ${document.title}: ${problem}`);
      const now = project.clock();
      const annotation: Annotation = {
        id: randomUUID(),
        documentId: request.documentId,
        labelId: request.labelId,
        start: request.start,
        end: request.end,
        note: request.note ?? '',
        annotator: project.annotator,
        createdAt: now,
        updatedAt: now,
      };
      const actionId = project.changes.beginAction(request.documentId, `create ${request.labelId}`, now);
      project.annotations.insert(annotation);
      project.changes.append(actionId, 'do', now, project.annotator, {
        entity: 'annotation',
        entityId: annotation.id,
        before: null,
        after: annotation,
      });
      return this.delta(annotation.documentId, [annotation], [], now);
    });
  }

  relabel(id: string, labelId: string): AnnotationDelta {
    this.requireLabel(labelId);
    return this.update(id, `relabel to ${labelId}`, (annotation) => ({ ...annotation, labelId }));
  }

  setNote(id: string, note: string): AnnotationDelta {
    return this.update(id, 'edit note', (annotation) => ({ ...annotation, note }));
  }

  delete(id: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const annotation = this.requireAnnotation(id);
      const now = project.clock();
      const actionId = project.changes.beginAction(annotation.documentId, `delete ${annotation.labelId}`, now);
      project.annotations.delete(id);
      project.changes.append(actionId, 'do', now, project.annotator, {
        entity: 'annotation',
        entityId: id,
        before: annotation,
        after: null,
      });
      return this.delta(annotation.documentId, [], [id], now);
    });
  }

  /** The delta the renderer applies: what changed, the new count, and when it was saved. */
  delta(documentId: string, upserted: Annotation[], deletedIds: string[], savedAt: string): AnnotationDelta {
    return {
      documentId,
      upserted,
      deletedIds,
      annotationCount: this.project.annotations.countByDocument(documentId),
      savedAt,
    };
  }

  private update(id: string, description: string, change: (a: Annotation) => Annotation): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const before = this.requireAnnotation(id);
      const now = project.clock();
      const after = { ...change(before), updatedAt: now };
      const actionId = project.changes.beginAction(before.documentId, description, now);
      project.annotations.update(after);
      project.changes.append(actionId, 'do', now, project.annotator, {
        entity: 'annotation',
        entityId: id,
        before,
        after,
      });
      return this.delta(before.documentId, [after], [], now);
    });
  }

  private requireAnnotation(id: string): Annotation {
    const annotation = this.project.annotations.get(id);
    if (!annotation) throw new AppError('not_found', `No annotation with id ${id}`);
    return annotation;
  }

  private requireLabel(labelId: string): void {
    if (!this.project.labels.get(labelId)) throw new AppError('not_found', `No label with id ${labelId}`);
  }
}
