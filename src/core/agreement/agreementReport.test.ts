import { describe, expect, it } from 'vitest';
import { agreementReport, type AgreementDocument } from './agreementReport';

const doc = (
  id: string,
  annotations: AgreementDocument['annotations'],
  doneBy: string[] = [],
): AgreementDocument => ({
  id,
  title: `Title ${id}`,
  length: 100,
  annotations,
  doneBy: new Set(doneBy),
});

describe('the agreement report', () => {
  it('counts documents every chosen annotator annotated or marked done, and lists the others', () => {
    const { report, skipped } = agreementReport(
      [
        doc('1', [
          { annotator: 'A', label: 'claim', start: 0, end: 10 },
          { annotator: 'B', label: 'claim', start: 0, end: 10 },
        ]),
        doc('2', [{ annotator: 'A', label: 'claim', start: 0, end: 10 }], ['B']),
        doc('3', [{ annotator: 'A', label: 'claim', start: 0, end: 10 }]),
      ],
      ['A', 'B'],
      ['claim'],
    );
    expect(report.documents).toBe(2);
    expect(skipped).toEqual([{ id: '3', title: 'Title 3', missing: ['B'] }]);
  });

  it('has exactly the documented shape, with per-pair scores and null for what is undefined', () => {
    const { report } = agreementReport(
      [
        doc('1', [
          { annotator: 'A', label: 'claim', start: 0, end: 10 },
          { annotator: 'B', label: 'claim', start: 2, end: 10 },
          { annotator: 'C', label: 'claim', start: 0, end: 10 },
        ]),
      ],
      ['A', 'B', 'C'],
      ['claim', 'denial'],
    );
    expect(Object.keys(report)).toEqual(['annotators', 'documents', 'labels']);
    const claim = report.labels.claim!;
    expect(Object.keys(claim)).toEqual(['pairs', 'fleiss_kappa', 'alpha', 'unitizing_alpha']);
    expect(claim.pairs.map((p) => [p.a, p.b])).toEqual([
      ['A', 'B'],
      ['A', 'C'],
      ['B', 'C'],
    ]);
    expect(claim.pairs[0]).toMatchObject({
      exact: { precision: 0, recall: 0, f1: 0 },
      overlap: { precision: 1, recall: 1, f1: 1 },
    });
    expect(claim.pairs[1]!.kappa).toBe(1);
    expect(report.labels.denial).toEqual({
      pairs: [
        {
          a: 'A',
          b: 'B',
          exact: { precision: null, recall: null, f1: null },
          overlap: { precision: null, recall: null, f1: null },
          kappa: null,
        },
        {
          a: 'A',
          b: 'C',
          exact: { precision: null, recall: null, f1: null },
          overlap: { precision: null, recall: null, f1: null },
          kappa: null,
        },
        {
          a: 'B',
          b: 'C',
          exact: { precision: null, recall: null, f1: null },
          overlap: { precision: null, recall: null, f1: null },
          kappa: null,
        },
      ],
      fleiss_kappa: null,
      alpha: null,
      unitizing_alpha: null,
    });
  });
});
