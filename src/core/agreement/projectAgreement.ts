/**
 * The agreement report of an open project: reads documents, annotations and each annotator's layer status,
 * and hands them to agreementReport.
 */
import { AppError } from '@shared/errors';
import type { DocumentStatus } from '@shared/model';
import type { Project } from '../project/project';
import { agreementReport, type AgreementDocument, type AgreementResult } from './agreementReport';

export interface AgreementOptions {
  /** Annotators to compare (at least two); all who annotated when absent. */
  annotators?: readonly string[];
  /** Label names; every label when absent. */
  labels?: readonly string[];
  /** Only documents with these statuses. */
  statuses?: readonly DocumentStatus[];
}

export function projectAgreement(project: Project, options: AgreementOptions = {}): AgreementResult {
  const labels = project.labels.list();
  const labelNames = new Map(labels.map((label) => [label.id, label.name]));
  const chosenLabels = options.labels ?? labels.map((label) => label.name);
  const unknownLabel = chosenLabels.find((name) => !labels.some((label) => label.name === name));
  if (unknownLabel !== undefined)
    throw new AppError('invalid_input', `the project has no label ${JSON.stringify(unknownLabel)}`);
  const known = project.annotations.annotators();
  const annotators = options.annotators ?? known;
  const unknownAnnotator = annotators.find((name) => !known.includes(name));
  if (unknownAnnotator !== undefined)
    throw new AppError(
      'invalid_input',
      `nobody named ${JSON.stringify(unknownAnnotator)} annotated this project`,
    );
  if (annotators.length < 2)
    throw new AppError(
      'invalid_input',
      `agreement needs at least two annotators (found ${annotators.length})`,
    );

  const doneBy = project.layers.doneBy();
  const statuses = options.statuses ? new Set(options.statuses) : null;
  const byDocument = new Map<string, AgreementDocument['annotations'][number][]>();
  for (const [documentId, labelId, start, end, annotator] of project.layers.spans()) {
    const list = byDocument.get(documentId) ?? [];
    list.push({ annotator, label: labelNames.get(labelId)!, start, end });
    byDocument.set(documentId, list);
  }
  const documents: AgreementDocument[] = [];
  for (const summary of project.documents.list()) {
    if (statuses && !statuses.has(summary.status)) continue;
    documents.push({
      id: summary.id,
      title: summary.title,
      length: summary.length,
      annotations: byDocument.get(summary.id) ?? [],
      doneBy: doneBy.get(summary.id) ?? new Set(),
    });
  }
  return agreementReport(documents, annotators, chosenLabels);
}
