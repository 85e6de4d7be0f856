import { AppError } from '@shared/errors';
import type { AnnotationDelta, DocumentStatus } from '@shared/model';
import { ActionRecorder } from './actionRecorder';
import type { Project, ProjectStore } from './project';

/**
 * Workflow changes to documents: an undoable action on the document's own undo stack, logged like every
 * other change, so Ctrl+Z takes back a D or an S.
 */
export class DocumentService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  setStatus(id: string, status: DocumentStatus): AnnotationDelta {
    const { project, store } = this;
    return project.transaction(() => {
      const before = store.documents.summary(id);
      if (!before) throw new AppError('not_found', `No document with id ${id}`);
      const recorder = ActionRecorder.begin(project, store, id, `mark ${status.replace('_', ' ')}`);
      recorder.document(before.status, status);
      return recorder.delta();
    });
  }
}
