import { AppError } from '@shared/errors';
import type { DocumentStatus, DocumentSummary } from '@shared/model';
import type { Project } from './project';

/** Workflow changes to documents, logged like every other change. */
export function setDocumentStatus(project: Project, id: string, status: DocumentStatus): DocumentSummary {
  return project.transaction(() => {
    const before = project.documents.summary(id);
    if (!before) throw new AppError('not_found', `No document with id ${id}`);
    project.documents.setStatus(id, status);
    // The annotator's own layer keeps its status too: agreement counts what each annotator marked done.
    const { annotator } = project;
    if (annotator) project.layers.setStatus(id, annotator, status, project.clock());
    project.changes.append(null, 'do', project.clock(), project.annotator, {
      entity: 'document',
      entityId: id,
      before: { status: before.status },
      after: { status },
    });
    return { ...before, status };
  });
}
