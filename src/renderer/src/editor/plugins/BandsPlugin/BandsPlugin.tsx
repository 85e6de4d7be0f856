/**
 * Draws, under the lines of the article, a band for each annotation in view: one lane per level of overlap,
 * so nested and crossing spans are all visible at once, each in its label's colour and pattern (colour is
 * never the only cue). Links are drawn as arcs between their annotations. Only what is in view is measured,
 * so the cost follows the screen, not the article.
 */
import { useMemo } from 'react';
import type { Annotation, Label, Relation } from '@shared/model';
import { assignLanes } from '../../lanes';
import { type LineWindow, meetsWindow } from '../../lineWindow';
import type { TextLayout } from '../../textLayout';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  annotations: Annotation[];
  relations: Relation[];
  labels: Label[];
  selectedId: string | null;
  /** The lines near the view (lineWindow.ts): only their annotations are measured and drawn. */
  view: LineWindow | null;
}

interface Band {
  key: string;
  id: string;
  left: number;
  top: number;
  width: number;
  color: string;
  pattern: number;
}

interface Arc {
  id: string;
  path: string;
  labelX: number;
  labelY: number;
  type: string;
  color: string;
}

const LANE_SPACING = 4;
const MAX_LANES = 4;

export function BandsPlugin({ root, layout, annotations, relations, labels, selectedId, view }: Props) {
  const lanes = useMemo(() => assignLanes(annotations), [annotations]);
  const labelStyle = useMemo(() => new Map(labels.map((l, i) => [l.id, { color: l.color, pattern: i % 3 }])), [labels]);
  const scroller = root?.parentElement ?? null;

  const { bands, arcs } = useMemo(() => {
    const bands: Band[] = [];
    const arcs: Arc[] = [];
    if (!root || !scroller || !view) return { bands, arcs };
    const origin = scroller.getBoundingClientRect();
    const toLocal = (rect: DOMRect) => ({ left: rect.left - origin.left + scroller.scrollLeft, top: rect.top - origin.top + scroller.scrollTop, rect });
    const anchors = new Map<string, { x: number; y: number }>();
    for (const annotation of annotations) {
      if (!meetsWindow(view, annotation.start, annotation.end)) continue;
      const style = labelStyle.get(annotation.labelId) ?? { color: '#888888', pattern: 0 };
      const lane = Math.min(lanes.get(annotation.id) ?? 0, MAX_LANES - 1);
      const rects = Array.from(layout.rangeOf(root, annotation.start, annotation.end).getClientRects()).filter((r) => r.width > 0);
      rects.forEach((rect, i) => {
        const local = toLocal(rect);
        bands.push({ key: `${annotation.id}:${i}`, id: annotation.id, left: local.left, top: local.top + rect.height + 1 + lane * LANE_SPACING, width: rect.width, color: style.color, pattern: style.pattern });
        if (i === 0) anchors.set(annotation.id, { x: local.left + rect.width / 2, y: local.top });
      });
    }
    for (const relation of relations) {
      const a = anchors.get(relation.fromId);
      const b = anchors.get(relation.toId);
      if (!a || !b) continue;
      const lift = Math.max(18, Math.min(60, Math.abs(a.x - b.x) / 4 + Math.abs(a.y - b.y) / 3));
      const cx = (a.x + b.x) / 2;
      const cy = Math.min(a.y, b.y) - lift;
      const from = annotations.find((x) => x.id === relation.fromId);
      arcs.push({
        id: relation.id,
        path: `M ${a.x} ${a.y} Q ${cx} ${cy} ${b.x} ${b.y}`,
        labelX: cx,
        labelY: cy + lift / 2 - 2,
        type: relation.type,
        color: labelStyle.get(from?.labelId ?? '')?.color ?? '#555555',
      });
    }
    return { bands, arcs };
    // Bands are placed in the scroller's content coordinates, so scrolling alone never moves them: they are
    // measured again only when the window or the data changes (a resize makes a new window).
  }, [root, scroller, layout, annotations, relations, lanes, labelStyle, view]);

  if (!root) return null;
  return (
    <div className="bands-layer" aria-hidden="true">
      {bands.map((band) => (
        <div
          key={band.key}
          className={`band band-pattern-${band.pattern}${band.id === selectedId ? ' selected' : ''}`}
          ref={(el) => {
            if (!el) return;
            el.style.setProperty('--band-color', band.color);
            el.style.transform = `translate(${band.left}px, ${band.top}px)`;
            el.style.width = `${band.width}px`;
          }}
        />
      ))}
      {arcs.length > 0 && (
        <svg
          className="arcs-layer"
          ref={(el) => {
            // The layer itself has no size; the drawing area is the whole scrolled article.
            if (!el || !scroller) return;
            el.style.height = `${scroller.scrollHeight}px`;
            el.style.width = `${scroller.scrollWidth}px`;
          }}
        >
          <defs>
            <marker id="arc-head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L8,4 L0,8 z" fill="context-stroke" />
            </marker>
          </defs>
          {arcs.map((arc) => (
            <g key={arc.id} data-testid="link-arc">
              <path d={arc.path} stroke={arc.color} fill="none" strokeWidth={1.5} markerEnd="url(#arc-head)" />
              <text x={arc.labelX} y={arc.labelY} textAnchor="middle" className="arc-label">
                {arc.type}
              </text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
