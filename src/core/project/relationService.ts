/** Typed links between two annotations of one document, each an undoable action like any other change. */
import { randomUUID } from 'node:crypto';
import { AppError } from '@shared/errors';
import { message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { AnnotationDelta } from '@shared/model';
import { ActionRecorder } from './actionRecorder';
import type { Project, ProjectStore } from './project';

export class RelationService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  create(fromId: string, toId: string, type: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const from = project.annotations.get(fromId);
      const to = project.annotations.get(toId);
      if (!from || !to)
        throw new AppError('not_found', errorMessage('notFound.annotation', { id: from ? toId : fromId }));
      if (fromId === toId) throw new AppError('invalid_input', errorMessage('link.self'));
      if (from.documentId !== to.documentId)
        throw new AppError('invalid_input', errorMessage('link.acrossDocuments'));
      project.layerAccess.requireEditable(from, `link ${type}`);
      project.layerAccess.requireEditable(to, `link ${type}`);
      if (
        project.relations
          .touching(fromId)
          .some((r) => r.fromId === fromId && r.toId === toId && r.type === type)
      ) {
        throw new AppError('invalid_input', errorMessage('link.exists', { type }));
      }
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        from.documentId,
        message('actions', 'link', { type }),
      );
      recorder.relation(null, {
        id: randomUUID(),
        documentId: from.documentId,
        fromId,
        toId,
        type,
        annotator: project.layerAccess.acting,
        createdAt: recorder.at,
      });
      return recorder.delta();
    });
  }

  delete(id: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const relation = project.relations.get(id);
      if (!relation) throw new AppError('not_found', errorMessage('notFound.link', { id }));
      // A link belongs with the spans it joins: removing it changes their layer.
      for (const end of [relation.fromId, relation.toId]) {
        const span = project.annotations.get(end);
        if (span) project.layerAccess.requireEditable(span, `unlink ${relation.type}`);
      }
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        relation.documentId,
        message('actions', 'unlink', { type: relation.type }),
      );
      recorder.relation(relation, null);
      return recorder.delta();
    });
  }
}
