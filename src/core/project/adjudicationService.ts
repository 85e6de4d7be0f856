/**
 * Settling disagreements into a curated layer: the agreed spans copied by a rule (unanimous or majority),
 * one undoable action per document, through the change log; what is left to settle is reported.
 */
import { randomUUID } from 'node:crypto';
import type { Annotation } from '@shared/model';
import { planAdjudication, type AdjudicationRule } from '../agreement/adjudication';
import { ActionRecorder } from './actionRecorder';
import type { Project, ProjectStore } from './project';

export interface AdjudicationReport {
  accepted: number;
  /** Per document, the spans left to settle by hand. */
  unsettled: Array<{ documentId: string; title: string; count: number }>;
}

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
          `accept agreed spans into ${into}`,
        );
        for (const span of plan.accept) {
          const annotation: Annotation = {
            id: randomUUID(),
            documentId: summary.id,
            labelId: span.labelId,
            start: span.start,
            end: span.end,
            note: span.note,
            attributes: span.attributes,
            annotator: into,
            createdAt: recorder.at,
            updatedAt: recorder.at,
          };
          recorder.annotation(null, annotation);
        }
        report.accepted += plan.accept.length;
      });
    }
    return report;
  }
}
