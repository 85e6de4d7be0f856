import { useEffect } from 'react';
import type { Annotation } from '@shared/model';
import type { TextLayout } from '../../textLayout';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  request: { annotationId: string; serial: number } | null;
}

/** Brings an annotation into view when the side panel asks for it. */
export function ScrollToAnnotationPlugin({ root, layout, annotations, request }: Props): null {
  useEffect(() => {
    if (!root || !request) return;
    const annotation = annotations.find((a) => a.id === request.annotationId);
    if (!annotation) return;
    const start = layout.rangeOf(root, annotation.start, annotation.start);
    const element = start.startContainer.parentElement ?? root;
    element.scrollIntoView({ block: 'center' });
  }, [root, layout, request]);
  return null;
}
