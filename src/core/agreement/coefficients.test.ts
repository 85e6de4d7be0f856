/**
 * The coefficients against scikit-learn, statsmodels and NLTK (Debian's python3 packages, run by
 * scripts/agreement_reference.py) on generated annotations, and against hand-worked cases.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng, randomTools } from '../../../test/support/random';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlphaNominal,
  patternHistogram,
  type CodedDocument,
} from './coefficients';

const REFERENCE = resolve(import.meta.dirname, '../../../scripts/agreement_reference.py');
/** Debian's interpreter: the reference libraries are Debian packages, not in a pyenv or venv python. */
const PYTHON = '/usr/bin/python3';

interface Reference {
  cohen: Record<string, number | null>;
  fleiss: number | null;
  alpha: number | null;
}

function reference(documents: CodedDocument[], annotators: number): Reference {
  const codes = Array.from({ length: annotators }, (_, a) =>
    documents.flatMap((document) => {
      const values = new Array<number>(document.length).fill(0);
      for (const { start, end } of document.spans[a]!) for (let u = start; u < end; u++) values[u] = 1;
      return values;
    }),
  );
  return JSON.parse(
    execFileSync(PYTHON, [REFERENCE], { input: JSON.stringify({ codes }) }).toString(),
  ) as Reference;
}

/** Annotators who mostly agree: a shared set of spans, each annotator moving, dropping or adding some. */
function generate(
  random: ReturnType<typeof randomTools>,
  annotators: number,
  documents: number,
): CodedDocument[] {
  return Array.from({ length: documents }, () => {
    const length = random.int(50, 400);
    const shared = Array.from({ length: random.int(0, 6) }, () => {
      const start = random.int(0, length - 2);
      return { start, end: Math.min(length, start + random.int(1, 40)) };
    });
    const spans = Array.from({ length: annotators }, () => {
      const own = shared
        .filter(() => random.random() > 0.2)
        .map(({ start, end }) => ({
          start: Math.max(0, start + random.int(-3, 3)),
          end: Math.min(length, end + random.int(-3, 3)),
        }))
        .filter((span) => span.end > span.start);
      if (random.random() < 0.3) {
        const start = random.int(0, length - 2);
        own.push({ start, end: Math.min(length, start + random.int(1, 30)) });
      }
      return own;
    });
    return { length, spans };
  });
}

describe('agreement coefficients over code points', () => {
  it('agree with scikit-learn, statsmodels and NLTK on generated annotations', () => {
    for (const seed of [1, 2, 3]) {
      const random = randomTools(prng(seed));
      const annotators = seed + 1;
      const documents = generate(random, annotators, 12);
      const histogram = patternHistogram(documents, annotators);
      const expected = reference(documents, annotators);
      for (let i = 0; i < annotators; i++)
        for (let j = i + 1; j < annotators; j++) {
          const ours = cohenKappa(histogram, i, j);
          const theirs = expected.cohen[`${i},${j}`];
          if (theirs === null) expect(ours).toBeNull();
          else expect(ours).toBeCloseTo(theirs!, 10);
        }
      expect(fleissKappa(histogram)).toBeCloseTo(expected.fleiss!, 10);
      expect(krippendorffAlphaNominal(histogram)).toBeCloseTo(expected.alpha!, 10);
    }
  }, 60_000);

  it('counts overlapping spans of one annotator once, and clips spans to the document', () => {
    const histogram = patternHistogram(
      [
        {
          length: 10,
          spans: [
            [
              { start: 0, end: 6 },
              { start: 4, end: 12 },
            ],
            [{ start: 0, end: 10 }],
          ],
        },
      ],
      2,
    );
    expect(histogram.counts.get(0b11)).toBe(10);
    expect(histogram.units).toBe(10);
  });

  it('is 1 for identical annotations, and undefined when nobody ever marks anything', () => {
    const same = patternHistogram(
      [{ length: 20, spans: [[{ start: 2, end: 9 }], [{ start: 2, end: 9 }]] }],
      2,
    );
    expect(cohenKappa(same, 0, 1)).toBe(1);
    expect(fleissKappa(same)).toBeCloseTo(1, 12);
    expect(krippendorffAlphaNominal(same)).toBeCloseTo(1, 12);
    const empty = patternHistogram([{ length: 20, spans: [[], []] }], 2);
    expect(cohenKappa(empty, 0, 1)).toBeNull();
    expect(fleissKappa(empty)).toBeNull();
    expect(krippendorffAlphaNominal(empty)).toBeNull();
  });
});
