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
import { exactCounts, overlapCount, scores, type MatchScores } from './spanMatch';
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
  const pairIndexes: Array<[number, number]> = [];
  for (let i = 0; i < annotators.length; i++)
    for (let j = i + 1; j < annotators.length; j++) pairIndexes.push([i, j]);
  for (const label of labels) {
    const coded: CodedDocument[] = counted.map((d, k) => ({
      length: d.length,
      spans: indexed[k]!.get(label) ?? nobody,
    }));
    // Span matching a document at a time, summed: spans of different documents never match.
    const totals = annotators.map(() => 0);
    const sums = pairIndexes.map(() => ({ exact: 0, left: 0, right: 0, overlap: 0 }));
    for (const { spans } of coded) {
      spans.forEach((list, r) => (totals[r]! += list.length));
      pairIndexes.forEach(([i, j], p) => {
        const [a, b] = [spans[i]!, spans[j]!];
        if (a.length === 0 && b.length === 0) return;
        const exact = exactCounts(a, b);
        const sum = sums[p]!;
        sum.exact += exact.matched;
        sum.left += exact.left;
        sum.right += exact.right;
        sum.overlap += overlapCount(a, b);
      });
    }
    const histogram = patternHistogram(coded, Math.max(1, annotators.length));
    const pairs: PairScores[] = pairIndexes.map(([i, j], p) => {
      const sum = sums[p]!;
      return {
        a: annotators[i]!,
        b: annotators[j]!,
        exact: scoresOnly(scores(sum.exact, sum.left, sum.right)),
        overlap: scoresOnly(scores(sum.overlap, totals[i]!, totals[j]!)),
        kappa: cohenKappa(histogram, i, j),
      };
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
