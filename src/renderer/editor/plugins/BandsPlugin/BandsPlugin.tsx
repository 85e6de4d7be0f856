/**
 * Draws, under the lines of the article, a band for each annotation in view: one lane per level of overlap,
 * so nested and crossing spans are all visible at once, each in its label's colour and pattern (colour is
 * never the only cue). Links are drawn as arcs between their annotations. Only what is in view is measured,
 * so the cost follows the screen, not the article.
 */
import { memo, useMemo, useRef } from 'react';
import type { Annotation, Label, Relation } from '@shared/model';
import { assignLanes } from '../../lanes';
import type { LineWindow } from '../../lineWindow';
import type { TextLayout } from '../../textLayout';
import { partsBetweenWraps } from '../../wrapTrim';
import { visibleText } from '../../../components/VisibleText';
import { useLabelColor } from '../../../theme/useLabelColor';

interface Props {
  root: HTMLElement | null;
  layout: TextLayout;
  /** The annotations of the lines near the view (lineWindow.ts): only they are measured and drawn. */
  inView: Annotation[];
  relations: Relation[];
  labels: Label[];
  selectedId: string | null;
  /** That window: the measured boxes hold while it stands. */
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

interface BandViewProps {
  left: number;
  top: number;
  width: number;
  color: string;
  pattern: number;
  selected: boolean;
}

/**
 * One band. Memoised on its plain values: an edit re-measures the window and makes new band objects, but only
 * the bands whose place or look changed are touched in the DOM. Styles go through the CSSOM, which the strict
 * CSP allows (it forbids style attributes).
 */
const BandView = memo(function BandView({ left, top, width, color, pattern, selected }: BandViewProps) {
  return (
    <div
      className={`band band-pattern-${pattern}${selected ? ' selected' : ''}`}
      ref={(el) => {
        if (!el) return;
        el.style.setProperty('--band-color', color);
        // left/top, not a transform: each transformed element is a node of its own in the paint property
        // trees, which Chromium walks in every frame's pre-paint.
        el.style.left = `${left}px`;
        el.style.top = `${top}px`;
        el.style.width = `${width}px`;
      }}
    />
  );
});

/** A line fragment of a range, in the scroller's content coordinates. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The boxes of code point ranges in one window, each range measured once: while the window stands (no
 * scrolling past its margin, no resize), the text does not move, so an edit measures only the ranges it added.
 */
function useBoxCache(view: LineWindow | null): Map<string, Box[]> {
  const cache = useRef<{ view: LineWindow | null; boxes: Map<string, Box[]> }>({
    view: null,
    boxes: new Map(),
  });
  if (cache.current.view !== view) cache.current = { view, boxes: new Map() };
  return cache.current.boxes;
}

export function BandsPlugin({ root, layout, inView, relations, labels, selectedId, view }: Props) {
  // Lanes only have to keep apart the bands drawn together, so they are assigned among the window's.
  const lanes = useMemo(() => assignLanes(inView), [inView]);
  const paint = useLabelColor();
  const labelStyle = useMemo(
    () => new Map(labels.map((l, i) => [l.id, { color: paint(l.color), pattern: i % 3 }])),
    [labels, paint],
  );
  const scroller = root?.parentElement ?? null;
  const boxCache = useBoxCache(view);

  const { bands, arcs } = useMemo(() => {
    const bands: Band[] = [];
    const arcs: Arc[] = [];
    if (!root || !scroller) return { bands, arcs };
    const origin = scroller.getBoundingClientRect();
    // Like the tint, a band stops at the last word of a line rather than running over the space it wraps at.
    const measure = (start: number, end: number): Box[] =>
      partsBetweenWraps(layout, root, start, end)
        .flatMap(([from, to]) => Array.from(layout.clientRectsOf(root, from, to)))
        .filter((r) => r.width > 0)
        .map((r) => ({
          left: r.left - origin.left + scroller.scrollLeft,
          top: r.top - origin.top + scroller.scrollTop,
          width: r.width,
          height: r.height,
        }));
    const anchors = new Map<string, { x: number; y: number }>();
    const labelOf = new Map<string, string>();
    for (const annotation of inView) {
      const style = labelStyle.get(annotation.labelId) ?? { color: '#888888', pattern: 0 };
      const lane = Math.min(lanes.get(annotation.id) ?? 0, MAX_LANES - 1);
      const key = `${annotation.start}:${annotation.end}`;
      let boxes = boxCache.get(key);
      if (!boxes) boxCache.set(key, (boxes = measure(annotation.start, annotation.end)));
      boxes.forEach((box, i) => {
        bands.push({
          key: `${annotation.id}:${i}`,
          id: annotation.id,
          left: box.left,
          top: box.top + box.height + 1 + lane * LANE_SPACING,
          width: box.width,
          color: style.color,
          pattern: style.pattern,
        });
        if (i === 0) anchors.set(annotation.id, { x: box.left + box.width / 2, y: box.top });
      });
      labelOf.set(annotation.id, annotation.labelId);
    }
    for (const relation of relations) {
      const a = anchors.get(relation.fromId);
      const b = anchors.get(relation.toId);
      if (!a || !b) continue;
      const lift = Math.max(18, Math.min(60, Math.abs(a.x - b.x) / 4 + Math.abs(a.y - b.y) / 3));
      const cx = (a.x + b.x) / 2;
      const cy = Math.min(a.y, b.y) - lift;
      arcs.push({
        id: relation.id,
        path: `M ${a.x} ${a.y} Q ${cx} ${cy} ${b.x} ${b.y}`,
        labelX: cx,
        labelY: cy + lift / 2 - 2,
        type: relation.type,
        color: labelStyle.get(labelOf.get(relation.fromId) ?? '')?.color ?? '#555555',
      });
    }
    return { bands, arcs };
    // Bands are placed in the scroller's content coordinates, so scrolling alone never moves them: a range is
    // measured again only in a new window (a resize makes one); an edit measures only the ranges it added.
  }, [root, scroller, layout, inView, relations, lanes, labelStyle, boxCache]);

  if (!root) return null;
  return (
    <div className="bands-layer" aria-hidden="true">
      {bands.map((band) => (
        <BandView
          key={band.key}
          left={band.left}
          top={band.top}
          width={band.width}
          color={band.color}
          pattern={band.pattern}
          selected={band.id === selectedId}
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
            <marker
              id="arc-head"
              viewBox="0 0 8 8"
              refX="7"
              refY="4"
              markerWidth="7"
              markerHeight="7"
              orient="auto-start-reverse"
            >
              <path d="M0,0 L8,4 L0,8 z" fill="context-stroke" />
            </marker>
          </defs>
          {arcs.map((arc) => (
            <g key={arc.id} data-testid="link-arc">
              <path
                d={arc.path}
                stroke={arc.color}
                fill="none"
                strokeWidth={1.5}
                markerEnd="url(#arc-head)"
              />
              <text x={arc.labelX} y={arc.labelY} textAnchor="middle" className="arc-label">
                {visibleText(arc.type)}
              </text>
            </g>
          ))}
        </svg>
      )}
    </div>
  );
}
