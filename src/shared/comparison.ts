/**
 * What the comparison and agreement screens exchange with the core (issue 12): one document's spans of two
 * or more annotators, each classed against the others, grouped into the disagreements a curator settles.
 * Offsets are code points, as everywhere outside the DOM.
 */
import type { Annotation } from './model';

/**
 * How one annotator's span stands against the other chosen annotators'. `agreed`: all of them have it (same
 * start, end and label). `label`: another has the same extent with a different label. `extent`: another
 * has an overlapping span with a different extent. `partial`: only some have it, and nobody else has anything
 * over it.
 */
export const SPAN_KINDS = ['agreed', 'partial', 'label', 'extent'] as const;
export type SpanKind = (typeof SPAN_KINDS)[number];
export type DisagreementKind = Exclude<SpanKind, 'agreed'>;

export interface ComparedSpan {
  id: string;
  annotator: string;
  labelId: string;
  start: number;
  end: number;
  kind: SpanKind;
}

/** How a disagreement was settled into the curated layer: a span taken, or rejected without taking one. */
export type Settlement = 'accepted' | 'rejected' | null;

/** Spans not agreed by all that overlap one another (across annotators), settled together. */
export interface Disagreement {
  start: number;
  end: number;
  /** The most telling kind among its spans: a label clash, then an extent clash, then a span only some have. */
  kind: DisagreementKind;
  spanIds: string[];
  settled: Settlement;
}

export interface DocumentComparison {
  documentId: string;
  annotators: string[];
  /** The curated layer's name. */
  into: string;
  /** The chosen annotators' spans, by start then end then annotator order. */
  spans: ComparedSpan[];
  disagreements: Disagreement[];
  /** The curated layer's annotations of the document (with notes and attributes, to edit them). */
  curated: Annotation[];
  /** Notes and attributes of the compared spans, by id (what accepting one copies). */
  details: Record<string, Pick<Annotation, 'note' | 'attributes'>>;
}

export interface DisagreementRow {
  documentId: string;
  title: string;
  disagreements: number;
  /** Those not yet settled into the curated layer. */
  open: number;
}

export interface ProjectComparison {
  /** Everyone with a layer in the project (the curated layer included, when it exists). */
  annotators: string[];
  rows: DisagreementRow[];
}

/** What "Accept all agreed" did (the same as `spanlight adjudicate`). */
export interface AdjudicationReport {
  accepted: number;
  /** Per document, the spans left to settle by hand. */
  unsettled: Array<{ documentId: string; title: string; count: number }>;
}

export const ADJUDICATION_RULES = ['unanimous', 'majority'] as const;
export type AdjudicationRule = (typeof ADJUDICATION_RULES)[number];

/**
 * The agreement figures as `spanlight agreement --json` prints them (README, "Working as a team"), and the
 * documents left out. The core's report (agreement/agreementReport.ts) is checked against this shape where
 * the handler returns it.
 */
export interface MatchFigures {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface PairFigures {
  a: string;
  b: string;
  exact: MatchFigures;
  overlap: MatchFigures;
  kappa: number | null;
}

export interface LabelFigures {
  pairs: PairFigures[];
  fleiss_kappa: number | null;
  alpha: number | null;
  unitizing_alpha: number | null;
}

export interface AgreementFigures {
  report: { annotators: string[]; documents: number; labels: Record<string, LabelFigures> };
  skipped: Array<{ id: string; title: string; missing: string[] }>;
}
