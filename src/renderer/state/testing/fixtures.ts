/** Small records for the store's unit tests, each overridable field by field. */
import type {
  Annotation,
  AnnotationDelta,
  AppInfo,
  DocumentSummary,
  Label,
  OpenedDocument,
  ProjectInfo,
} from '@shared/model';
import { emptyMetaFields } from '@shared/documentMeta';

const AT = '2026-01-01T00:00:00.000Z';

export function label(fields: Partial<Label> = {}): Label {
  return {
    id: 'claim',
    name: 'claim',
    color: '#0072b2',
    hotkey: '1',
    position: 0,
    attributes: [],
    ...fields,
  };
}

export function annotation(fields: Partial<Annotation> = {}): Annotation {
  return {
    id: 'a1',
    documentId: 'doc-a',
    labelId: 'claim',
    start: 0,
    end: 4,
    note: '',
    attributes: {},
    annotator: 'ana',
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}

export function summary(id: string, fields: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id,
    title: `Title of ${id}`,
    fileName: `${id}.txt`,
    outlet: null,
    published: null,
    status: 'todo',
    annotationCount: 0,
    length: 20,
    importedAt: AT,
    ...fields,
  };
}

export function opened(id: string, annotations: Annotation[] = []): OpenedDocument {
  return {
    document: { ...summary(id), text: `The text of ${id}, twenty`, sha256: '0'.repeat(64) },
    meta: { fileName: `${id}.txt`, ...emptyMetaFields() },
    annotations,
    relations: [],
  };
}

/** What main answers for a change: the stored annotations, committed at `savedAt`. */
export function delta(fields: Partial<AnnotationDelta> = {}): AnnotationDelta {
  return {
    documentId: 'doc-a',
    upserted: [],
    deletedIds: [],
    upsertedRelations: [],
    deletedRelationIds: [],
    annotationCount: 0,
    status: 'todo',
    savedAt: AT,
    ...fields,
  };
}

export function project(fields: Partial<ProjectInfo> = {}): ProjectInfo {
  return {
    path: '/tmp/p.spanlight',
    name: 'p',
    documentCount: 2,
    annotator: 'ana',
    readOnly: false,
    ...fields,
  };
}

export function appInfo(projectInfo: ProjectInfo | null = project()): AppInfo {
  return {
    mode: 'browser',
    version: '0.1.0',
    defaultProjectPath: '/tmp/p.spanlight',
    recentProjects: [],
    theme: 'system',
    language: 'system',
    project: projectInfo,
  };
}
