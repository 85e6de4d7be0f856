import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { annotationsAt, sortAnnotations } from './annotationOrder';

function annotation(id: string, start: number, end: number): Annotation {
  return {
    id,
    documentId: 'd',
    labelId: 'claim',
    start,
    end,
    note: '',
    attributes: {},
    annotator: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '',
  };
}

describe('annotation order', () => {
  const outer = annotation('outer', 0, 20);
  const inner = annotation('inner', 5, 8);
  const later = annotation('later', 15, 30);

  it('sorts by start, then end', () => {
    expect(sortAnnotations([later, outer, inner]).map((a) => a.id)).toEqual(['outer', 'inner', 'later']);
  });

  it('finds the annotations covering a character, innermost first, end exclusive', () => {
    expect(annotationsAt([outer, inner, later], 6).map((a) => a.id)).toEqual(['inner', 'outer']);
    expect(annotationsAt([outer, inner, later], 8).map((a) => a.id)).toEqual(['outer']);
    expect(annotationsAt([outer, inner, later], 16).map((a) => a.id)).toEqual(['later', 'outer']);
    expect(annotationsAt([outer, inner, later], 30)).toEqual([]);
  });
});
