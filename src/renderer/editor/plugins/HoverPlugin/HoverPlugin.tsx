/**
 * Hovering text shows every annotation on it (label, text, attributes, note): with overlaps, the only way to
 * see them all at one place without clicking through. The card keeps out of the way of a drag (none while a
 * button is held), stays inside the article column, and lists the annotations as they are now (a tag made
 * under the pointer shows at once).
 */
import { useEffect, useState } from 'react';
import type { Annotation, Label } from '@shared/model';
import { annotationsAt } from '../../../state/annotationOrder';
import type { TextLayout } from '../../textLayout';
import { VisibleText } from '../../../components/VisibleText';
import { useLabelColor } from '../../../theme/useLabelColor';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  labels: Label[];
}

interface Tip {
  x: number;
  y: number;
  /** The code point under the pointer; the annotations there are read at each render. */
  offset: number;
}

/** Gap between the pointer and the card. */
const GAP = 12;

/** The card's left edge: right of the pointer, moved left as needed to stay inside the column. */
function cardLeft(pointerX: number, width: number, column: DOMRect): number {
  const wanted = pointerX + GAP;
  return Math.max(column.left, Math.min(wanted, column.right - width));
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
      // A drag in progress: the card would cover the line the selection continues on.
      if (event.buttons !== 0) {
        setTip(null);
        return;
      }
      frame = requestAnimationFrame(() => {
        const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
        const offset =
          caret && root.contains(caret.offsetNode)
            ? layout.offsetOf(root, caret.offsetNode, caret.offset)
            : null;
        setTip(
          offset === null
            ? null
            : { x: event.clientX, y: event.clientY, offset: layout.index.toCodePoint(offset) },
        );
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      setTip(null);
    };
    root.addEventListener('mousemove', onMove);
    root.addEventListener('mousedown', onLeave);
    root.addEventListener('mouseleave', onLeave);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('mousemove', onMove);
      root.removeEventListener('mousedown', onLeave);
      root.removeEventListener('mouseleave', onLeave);
    };
  }, [root, layout]);

  const paint = useLabelColor();
  const hits = tip ? annotationsAt(annotations, tip.offset) : [];
  if (!tip || !root || hits.length === 0) return null;
  return (
    <div
      className="hover-tip"
      role="tooltip"
      data-testid="hover-tip"
      ref={(el) => {
        if (!el) return;
        const column = root.getBoundingClientRect();
        el.style.maxWidth = `${Math.min(420, column.width)}px`;
        el.style.transform = `translate(${cardLeft(tip.x, el.offsetWidth, column)}px, ${tip.y + GAP + 4}px)`;
      }}
    >
      {hits.map((hit) => {
        const label = labels.find((l) => l.id === hit.labelId);
        return (
          <div key={hit.id} className="hover-row">
            <span
              className="annotation-label"
              ref={(el) => el?.style.setProperty('--label-color', paint(label?.color ?? ''))}
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
