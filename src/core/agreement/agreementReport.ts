/**
 * The agreement report of a project: for each label, span-level precision, recall and F1 for every pair of
 * chosen annotators (exact and overlap matching), Cohen's kappa per pair, and Fleiss' kappa, Krippendorff's
 * alpha (nominal) and unitizing alpha over all of them, on code points. Its JSON shape is a contract scripts
 * rely on (README, "Working as a team"): an undefined coefficient is null.
 *
 * Counted documents: those in which every chosen annotator has at least one annotation or has marked the
 * document done. The others are listed, so a reader knows what the figures leave out.
 */
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlphaNominal,
  patternHistogram,
  type CodedDocument,
} from './coefficients';
import { exactMatch, overlapMatch, type MatchScores, type Span } from './spanMatch';
import { segmentsOf, unitizingAlpha } from './unitizingAlpha';

export interface AgreementDocument {
  id: string;
  title: string;
  /** Length in code points. */
  length: number;
  annotations: ReadonlyArray<{ annotator: string; label: string; start: number; end: number }>;
  /** Annotators who marked the document done. */
  doneBy: ReadonlySet<string>;
}

export interface PairScores {
  a: string;
  b: string;
  exact: { precision: number | null; recall: number | null; f1: number | null };
  overlap: { precision: number | null; recall: number | null; f1: number | null };
  kappa: number | null;
}

export interface LabelAgreement {
  pairs: PairScores[];
  fleiss_kappa: number | null;
  alpha: number | null;
  unitizing_alpha: number | null;
}

export interface AgreementReport {
  annotators: string[];
  documents: number;
  labels: Record<string, LabelAgreement>;
}

export interface AgreementResult {
  report: AgreementReport;
  /** Documents left out, each with the annotators who neither annotated nor marked it done. */
  skipped: Array<{ id: string; title: string; missing: string[] }>;
}

const scoresOnly = ({ precision, recall, f1 }: MatchScores) => ({ precision, recall, f1 });

export function agreementReport(
  documents: Iterable<AgreementDocument>,
  annotators: readonly string[],
  labels: readonly string[],
): AgreementResult {
  const counted: AgreementDocument[] = [];
  const skipped: AgreementResult['skipped'] = [];
  for (const document of documents) {
    const present = new Set(document.annotations.map((a) => a.annotator));
    const missing = annotators.filter((name) => !present.has(name) && !document.doneBy.has(name));
    if (missing.length === 0) counted.push(document);
    else skipped.push({ id: document.id, title: document.title, missing });
  }

  const report: AgreementReport = { annotators: [...annotators], documents: counted.length, labels: {} };
  // Each counted document's spans by label, then by annotator (in the order of `annotators`), read once.
  const order = new Map(annotators.map((name, r) => [name, r]));
  const indexed = counted.map((document) => {
    const byLabel = new Map<string, Array<Array<{ start: number; end: number }>>>();
    for (const a of document.annotations) {
      const r = order.get(a.annotator);
      if (r === undefined) continue;
      let perAnnotator = byLabel.get(a.label);
      if (!perAnnotator) byLabel.set(a.label, (perAnnotator = annotators.map(() => [])));
      perAnnotator[r]!.push({ start: a.start, end: a.end });
    }
    return byLabel;
  });
  const nobody = annotators.map(() => []);
  for (const label of labels) {
    const coded: CodedDocument[] = counted.map((d, k) => ({
      length: d.length,
      spans: indexed[k]!.get(label) ?? nobody,
    }));
    const byAnnotator: Span[][] = annotators.map((_, r) =>
      coded.flatMap((d, k) =>
        d.spans[r]!.map((s) => ({ documentId: counted[k]!.id, start: s.start, end: s.end })),
      ),
    );
    const histogram = patternHistogram(coded, Math.max(1, annotators.length));
    const pairs: PairScores[] = [];
    for (let i = 0; i < annotators.length; i++)
      for (let j = i + 1; j < annotators.length; j++)
        pairs.push({
          a: annotators[i]!,
          b: annotators[j]!,
          exact: scoresOnly(exactMatch(byAnnotator[i]!, byAnnotator[j]!)),
          overlap: scoresOnly(overlapMatch(byAnnotator[i]!, byAnnotator[j]!)),
          kappa: cohenKappa(histogram, i, j),
        });
    const unitized = coded.map((d) => ({
      length: d.length,
      annotators: d.spans.map((spans) => segmentsOf(spans, d.length)),
    }));
    report.labels[label] = {
      pairs,
      fleiss_kappa: annotators.length >= 2 ? fleissKappa(histogram) : null,
      alpha: annotators.length >= 2 ? krippendorffAlphaNominal(histogram) : null,
      unitizing_alpha: unitizingAlpha(unitized).alpha,
    };
  }
  return { report, skipped };
}
