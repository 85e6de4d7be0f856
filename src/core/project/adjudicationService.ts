/**
 * Settling disagreements into a curated layer: the agreed spans copied by a rule (unanimous or majority),
 * one undoable action per document, through the change log; what is left to settle is reported. And by
 * hand, from the comparison view: one annotator's span accepted (with its note and attributes), its label or
 * extent changed, or a disagreement's spans rejected (project/rejections.ts), each one undoable action.
 */
import { randomUUID } from 'node:crypto';
import type { AdjudicationReport } from '@shared/comparison';
import { AppError } from '@shared/errors';
import { message, type Message } from '@shared/messages/message';
import { errorMessage } from '@shared/messages/keys';
import type { Annotation, AnnotationDelta } from '@shared/model';
import { spanBoundsParams, spanBoundsProblem } from '@shared/offsets';
import { planAdjudication, type AdjudicationRule } from '../agreement/adjudication';
import { extentKey, type Extent } from '../agreement/comparison';
import { ActionRecorder } from './actionRecorder';
import type { Project, ProjectStore } from './project';
import { readRejections, rejectionKey } from './rejections';

export class AdjudicationService {
  constructor(
    private readonly project: Project,
    private readonly store: ProjectStore,
  ) {}

  acceptAgreed(annotators: readonly string[], rule: AdjudicationRule, into: string): AdjudicationReport {
    const { project } = this;
    const report: AdjudicationReport = { accepted: 0, unsettled: [] };
    for (const summary of project.documents.list()) {
      project.transaction(() => {
        const annotations = project.annotations.listByDocument(summary.id);
        const spans = annotations
          .filter((a) => a.annotator !== null)
          .map((a) => ({ ...a, annotator: a.annotator! }));
        const curated = annotations.filter((a) => a.annotator === into);
        const plan = planAdjudication(spans, annotators, rule, curated);
        if (plan.unsettled.length)
          report.unsettled.push({
            documentId: summary.id,
            title: summary.title,
            count: plan.unsettled.length,
          });
        if (plan.accept.length === 0) return;
        const recorder = ActionRecorder.begin(
          project,
          this.store,
          summary.id,
          message('actions', 'acceptAgreed', { layer: into }),
        );
        for (const span of plan.accept)
          recorder.annotation(null, this.copy(span, summary.id, into, recorder.at));
        report.accepted += plan.accept.length;
      });
    }
    return report;
  }

  /** Copies annotation `id` (another annotator's) into the curated layer `into`, note and attributes too. */
  accept(id: string, into: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const source = project.annotations.get(id);
      if (!source) throw new AppError('not_found', errorMessage('notFound.annotation', { id }));
      if (source.annotator === into)
        throw new AppError('invalid_input', errorMessage('curate.alreadyIn', { layer: into }));
      const curated = project.annotations
        .listByDocument(source.documentId)
        .filter((a) => a.annotator === into);
      if (curated.some((a) => extentKey(a) === extentKey(source)))
        throw new AppError('invalid_input', errorMessage('curate.layerHas', { layer: into }));
      const label = project.labels.get(source.labelId)?.name ?? source.labelId;
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        source.documentId,
        source.annotator === null
          ? message('actions', 'acceptUnowned', { label, layer: into })
          : message('actions', 'accept', { label, annotator: source.annotator, layer: into }),
      );
      recorder.annotation(null, this.copy(source, source.documentId, into, recorder.at));
      return recorder.delta();
    });
  }

  /** The curator moves a span of the curated layer `into` to another extent (another annotator's, say). */
  setExtent(id: string, start: number, end: number, into: string): AnnotationDelta {
    return this.editCurated(id, into, message('actions', 'extent', { layer: into }), (annotation, length) => {
      const problem = spanBoundsProblem({ start, end }, length);
      if (problem)
        throw new AppError(
          'invalid_input',
          errorMessage(`moveSpan.${problem}`, spanBoundsParams({ start, end }, length)),
        );
      return { ...annotation, start, end };
    });
  }

  /**
   * The curator relabels a span of the curated layer `into`. Its own channel: the annotation service refuses
   * another annotator's span unless the user curates in the workbench, and the comparison screen settles
   * into its curated layer without that mode.
   */
  relabel(id: string, labelId: string, into: string): AnnotationDelta {
    const label = this.project.labels.get(labelId);
    if (!label) throw new AppError('not_found', errorMessage('notFound.label', { id: labelId }));
    return this.editCurated(
      id,
      into,
      message('actions', 'relabelIn', { label: label.name, layer: into }),
      (annotation) => ({ ...annotation, labelId }),
    );
  }

  private editCurated(
    id: string,
    into: string,
    description: Message,
    change: (annotation: Annotation, documentLength: number) => Annotation,
  ): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      const before = project.annotations.get(id);
      if (!before) throw new AppError('not_found', errorMessage('notFound.annotation', { id }));
      if (before.annotator !== into)
        throw new AppError('invalid_input', errorMessage('curate.onlyLayer', { layer: into }));
      const after = change(before, project.documents.summary(before.documentId)!.length);
      const recorder = ActionRecorder.begin(project, this.store, before.documentId, description);
      recorder.annotation(before, { ...after, updatedAt: recorder.at });
      return recorder.delta();
    });
  }

  /** Settles a disagreement without taking a span: its spans are rejected for the curated layer `into`. */
  reject(documentId: string, spans: readonly Extent[], into: string): AnnotationDelta {
    const { project } = this;
    return project.transaction(() => {
      if (!project.documents.summary(documentId))
        throw new AppError('not_found', errorMessage('notFound.document', { id: documentId }));
      const key = rejectionKey(into, documentId);
      const before = readRejections(project.meta, key);
      const after = [...new Set([...before, ...spans.map(extentKey)])].sort();
      const recorder = ActionRecorder.begin(
        project,
        this.store,
        documentId,
        message('actions', 'reject', { layer: into }),
      );
      recorder.apply('rejection', key, after);
      recorder.log('rejection', key, before.length ? before : null, after);
      return recorder.delta();
    });
  }

  private copy(
    span: Pick<Annotation, 'labelId' | 'start' | 'end' | 'note' | 'attributes'>,
    documentId: string,
    into: string,
    at: string,
  ): Annotation {
    return {
      id: randomUUID(),
      documentId,
      labelId: span.labelId,
      start: span.start,
      end: span.end,
      note: span.note,
      attributes: span.attributes,
      annotator: into,
      createdAt: at,
      updatedAt: at,
    };
  }
}
