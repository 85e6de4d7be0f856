/**
 * The agreement report of an open project: reads documents, annotations and each annotator's layer status,
 * and hands them to agreementReport.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '@shared/messages/keys';
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
    throw new AppError(
      'invalid_input',
      errorMessage('unknown.label', { label: JSON.stringify(unknownLabel) }),
    );
  // One pass over the annotations: each document's spans, and everyone who annotated.
  const byDocument = new Map<string, AgreementDocument['annotations'][number][]>();
  const everyone = new Set<string>();
  for (const [documentId, labelId, start, end, annotator] of project.layers.spans()) {
    let list = byDocument.get(documentId);
    if (!list) byDocument.set(documentId, (list = []));
    list.push({ annotator, label: labelNames.get(labelId)!, start, end });
    everyone.add(annotator);
  }
  // In SQLite's order (its BINARY collation compares UTF-8 bytes), as the annotator list shows them.
  const known = [...everyone].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const annotators = options.annotators ?? known;
  const unknownAnnotator = annotators.find((name) => !known.includes(name));
  if (unknownAnnotator !== undefined)
    throw new AppError(
      'invalid_input',
      errorMessage('unknown.annotator', { annotator: JSON.stringify(unknownAnnotator) }),
    );
  if (annotators.length < 2)
    throw new AppError(
      'invalid_input',
      errorMessage('agreement.fewAnnotators', { found: annotators.length }),
    );

  const doneBy = project.layers.doneBy();
  const statuses = options.statuses ? new Set(options.statuses) : null;
  // Spans in text order, whatever order the table gave them in: overlap matching breaks ties by position.
  for (const list of byDocument.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
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
