/**
 * Who reports a figure: the span's own `source` attribute, else the `source` of the smallest claim that
 * encloses it, else the outlet that published the document (the article itself says it).
 */
import type { Annotation } from '@shared/model';
import type { SourceOrigin } from '@shared/board';
import { textAttribute } from './spanAttributes';

export interface SourceOfSpan {
  source: string | null;
  sourceFrom: SourceOrigin | null;
}

function ownSource(annotation: Annotation): string | null {
  return textAttribute(annotation, 'source');
}

export function sourceOf(
  annotation: Annotation,
  enclosingClaim: Annotation | null,
  outlet: string | null,
): SourceOfSpan {
  const own = ownSource(annotation);
  if (own !== null) return { source: own, sourceFrom: 'own' };
  const claimed = enclosingClaim && ownSource(enclosingClaim);
  if (claimed) return { source: claimed, sourceFrom: 'claim' };
  if (outlet) return { source: outlet, sourceFrom: 'outlet' };
  return { source: null, sourceFrom: null };
}
