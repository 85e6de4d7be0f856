/**
 * Hovering text shows every annotation on it (label, text, attributes, note): with overlaps, the only way to
 * see them all at one place without clicking through.
 */
import { useEffect, useState } from 'react';
import type { Annotation, Label } from '@shared/model';
import { annotationsAt } from '../../../state/annotationOrder';
import type { TextLayout } from '../../textLayout';
import { VisibleText } from '../../../components/VisibleText';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  labels: Label[];
}

interface Tip {
  x: number;
  y: number;
  hits: Annotation[];
}

function describe(annotation: Annotation, layout: TextLayout): string {
  const text = layout.index.slice(annotation.start, Math.min(annotation.end, annotation.start + 60));
  const attributes = Object.entries(annotation.attributes).map(([k, v]) => `${k}: ${String(v)}`);
  return [text, ...attributes, annotation.note].filter(Boolean).join(' · ');
}

export function HoverPlugin({ root, layout, annotations, labels }: Props) {
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    if (!root) return;
    let frame = 0;
    const onMove = (event: MouseEvent) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
        const offset =
          caret && root.contains(caret.offsetNode)
            ? layout.offsetOf(root, caret.offsetNode, caret.offset)
            : null;
        const hits = offset === null ? [] : annotationsAt(annotations, layout.index.toCodePoint(offset));
        setTip(hits.length ? { x: event.clientX, y: event.clientY, hits } : null);
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setTip(null);
    };
    root.addEventListener('mousemove', onMove);
    root.addEventListener('mouseleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('mouseleave', onLeave);
    };
  }, [root, layout, annotations]);

  if (!tip) return null;
  return (
    <div
      className="hover-tip"
      role="tooltip"
      data-testid="hover-tip"
      ref={(el) => {
        if (el) el.style.transform = `translate(${tip.x + 12}px, ${tip.y + 16}px)`;
      }}
    >
      {tip.hits.map((hit) => {
        const label = labels.find((l) => l.id === hit.labelId);
        return (
          <div key={hit.id} className="hover-row">
            <span
              className="annotation-label"
              ref={(el) => el?.style.setProperty('--label-color', label?.color ?? '#888')}
            >
              <VisibleText text={label?.name ?? hit.labelId} />
            </span>{' '}
            <span dir="auto">
              <VisibleText text={describe(hit, layout)} />
            </span>
          </div>
        );
      })}
    </div>
  );
}
