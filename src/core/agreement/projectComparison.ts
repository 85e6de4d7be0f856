/**
 * The comparison of an open project's layers: one document's spans classed and its disagreements (with how
 * each was settled into the curated layer), and every document's count of disagreements.
 */
import type { DocumentComparison, ProjectComparison } from '@shared/comparison';
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
import type { Annotation } from '@shared/model';
import type { Project } from '../project/project';
import { readRejections, rejectionKey } from '../project/rejections';
import { classifySpans, disagreements } from './comparison';

function checkAnnotators(annotators: readonly string[], into: string): void {
  if (new Set(annotators).size < 2)
    throw new AppError('invalid_input', errorMessage('compare.twoAnnotators'));
  if (annotators.includes(into))
    throw new AppError('invalid_input', errorMessage('compare.curatedCompared', { layer: into }));
}

function compared(project: Project, documentId: string, annotators: readonly string[], into: string) {
  const annotations = project.annotations.listByDocument(documentId);
  const layered = annotations.filter((a): a is Annotation & { annotator: string } => a.annotator !== null);
  const spans = classifySpans(
    layered.map(({ id, annotator, labelId, start, end }) => ({ id, annotator, labelId, start, end })),
    annotators,
  );
  const curated = annotations.filter((a) => a.annotator === into);
  const rejected = new Set(readRejections(project.meta, rejectionKey(into, documentId)));
  return { annotations, spans, curated, found: disagreements(spans, curated, rejected) };
}

export function compareDocument(
  project: Project,
  documentId: string,
  annotators: readonly string[],
  into: string,
): DocumentComparison {
  checkAnnotators(annotators, into);
  if (!project.documents.summary(documentId))
    throw new AppError('not_found', errorMessage('notFound.document', { id: documentId }));
  const { annotations, spans, curated, found } = compared(project, documentId, annotators, into);
  const shown = new Set(spans.map((s) => s.id));
  const details: DocumentComparison['details'] = {};
  for (const a of annotations)
    if (shown.has(a.id)) details[a.id] = { note: a.note, attributes: a.attributes };
  return { documentId, annotators: [...annotators], into, spans, disagreements: found, curated, details };
}

/** Every document's disagreements between `annotators`, and how many the curated layer has yet to settle. */
export function projectDisagreements(
  project: Project,
  annotators: readonly string[],
  into: string,
): ProjectComparison {
  checkAnnotators(annotators, into);
  const rows = project.documents.list().map((summary) => {
    const { found } = compared(project, summary.id, annotators, into);
    return {
      documentId: summary.id,
      title: summary.title,
      disagreements: found.length,
      open: found.filter((d) => d.settled === null).length,
    };
  });
  return { annotators: project.annotations.annotators(), rows };
}
