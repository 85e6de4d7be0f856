import { AppError } from '@shared/errors';
import type { DocumentStatus, DocumentSummary } from '@shared/model';
import type { Project, ProjectStore } from './project';

/** Workflow changes to documents, logged like every other change. */
export class DocumentService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  setStatus(id: string, status: DocumentStatus): DocumentSummary {
    const { project, store } = this;
    return project.transaction(() => {
      const before = store.documents.summary(id);
      if (!before) throw new AppError('not_found', `No document with id ${id}`);
      store.documents.setStatus(id, status);
      // The annotator's own layer keeps its status too: agreement counts what each annotator marked done.
      const { annotator } = project;
      if (annotator) store.layers.setStatus(id, annotator, status, project.clock());
      store.changes.append(null, 'do', project.clock(), project.annotator, {
        entity: 'document',
        entityId: id,
        before: { status: before.status },
        after: { status },
      });
      return { ...before, status };
    });
  }
}
