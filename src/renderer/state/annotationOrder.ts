import type { Annotation } from '@shared/model';

/** Text order, as the database lists them: by start, then end, then creation. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}

export function sortAnnotations(annotations: Annotation[]): Annotation[] {
  return [...annotations].sort(compareAnnotations);
}

/**
 * The annotations that cover the character at `offset` (code points), innermost (shortest) first: the order
 * in which repeated clicks on one place cycle through them.
 */
export function annotationsAt(annotations: Annotation[], offset: number): Annotation[] {
  return annotations
    .filter((a) => a.start <= offset && offset < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || compareAnnotations(a, b));
}
