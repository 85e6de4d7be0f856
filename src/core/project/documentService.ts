import { AppError } from '@shared/errors';
import { message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { AnnotationDelta, DocumentMetaFields, DocumentStatus } from '@shared/model';
import { ActionRecorder } from './actionRecorder';
import type { Project, ProjectStore } from './project';

/**
 * Changes to documents, its workflow status and its provenance: an undoable action on the document's own undo
 * stack, logged like every other change, so Ctrl+Z takes back a D, an S or an edit in the document panel.
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
      if (!before) throw new AppError('not_found', errorMessage('notFound.document', { id }));
      const recorder = ActionRecorder.begin(
        project,
        store,
        id,
        message('actions', `mark.${status}`, { status }),
      );
      recorder.document(before.status, status);
      return recorder.delta();
    });
  }

  /** `fields` are checked by the caller (the contract's schema, src/shared/documentMeta.ts). */
  setMeta(id: string, fields: DocumentMetaFields): AnnotationDelta {
    const { project, store } = this;
    return project.transaction(() => {
      const current = store.documents.meta(id);
      if (!current) throw new AppError('not_found', errorMessage('notFound.document', { id }));
      const { fileName: _fileName, ...before } = current;
      const recorder = ActionRecorder.begin(project, store, id, message('actions', 'editDetails'));
      recorder.documentMeta(before, fields);
      return recorder.delta();
    });
  }
}
