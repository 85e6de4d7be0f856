/**
 * The peer in the editor benchmark: @recogito/text-annotator (its default span renderer) over the same
 * article and the same spans as Spanlight, laid out the same way (one <p> a line, same column and font), with
 * the same keys: select text and press 1/2/3 to tag it, click a highlight and press 1/2/3 to relabel it.
 * The page keeps annotations in memory only; Spanlight's figures include saving each change to SQLite.
 */
import {
  createTextAnnotator,
  rangeToSelector,
  type Color,
  type TextAnnotation,
} from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
import type { PeerHooks } from '../src/page/probe.mts';

/** What bench/src/suites/editor.mts serves as article.json. Offsets are UTF-16, as the peer counts them. */
export interface PeerData {
  lines: string[];
  spans: Array<{ id: string; start: number; end: number; label: number; quote: string }>;
  labels: Array<{ name: string; color: Color }>;
}

const data = (await (await fetch('article.json')).json()) as PeerData;
const container = document.getElementById('article')!;

const paragraphs = document.createDocumentFragment();
for (const line of data.lines) {
  const p = document.createElement('p');
  p.dir = 'auto';
  if (line) p.textContent = line;
  else p.append(document.createElement('br'));
  paragraphs.append(p);
}
container.append(paragraphs);

function body(annotationId: string, label: number) {
  return {
    id: crypto.randomUUID(),
    annotation: annotationId,
    purpose: 'tagging',
    value: data.labels[label]!.name,
  };
}

function labelOf(annotation: { bodies: ReadonlyArray<{ value?: string }> }): number {
  const name = annotation.bodies[0]?.value;
  return Math.max(
    0,
    data.labels.findIndex((l) => l.name === name),
  );
}

const anno = createTextAnnotator(container, {
  style: (annotation, state) => {
    const color = data.labels[labelOf(annotation)]!.color;
    return {
      fill: color,
      fillOpacity: state?.selected ? 0.45 : 0.24,
      underlineStyle: 'solid',
      underlineColor: color,
      underlineThickness: 2,
    };
  },
});

const redrawn: Array<() => void> = [];
const hooks: PeerHooks = {
  layer: () => container.querySelector('.r6o-span-highlight-layer'),
  onRedraw: (callback) => redrawn.push(callback),
  selected: () => {
    const selected = anno.getSelected()[0];
    return selected ? { id: selected.id, label: labelOf(selected) } : null;
  },
  lastCreatedId: null,
  colors: data.labels.map((l) => l.color),
  ready: false,
};
anno.renderer.on('onRedraw', () => {
  if (!hooks.ready && anno.getAnnotations().length >= data.spans.length && hooks.layer()?.childElementCount)
    hooks.ready = true;
  for (const callback of redrawn) callback();
});
window.__peer = hooks;

// Loaded from offsets, as an app loads stored annotations: the peer finds each range from start/end itself.
anno.setAnnotations(
  data.spans.map(
    (span) =>
      ({
        id: span.id,
        bodies: [body(span.id, span.label)],
        target: { annotation: span.id, selector: [{ quote: span.quote, start: span.start, end: span.end }] },
      }) as unknown as TextAnnotation, // no `range`: the peer revives it from start/end (reviveSelector)
  ),
  true,
);

window.addEventListener('keydown', (event) => {
  const label = ['1', '2', '3'].indexOf(event.key);
  if (label < 0) return;
  const selection = document.getSelection();
  if (selection && !selection.isCollapsed && container.contains(selection.anchorNode)) {
    const id = crypto.randomUUID();
    hooks.lastCreatedId = id;
    const range = selection.getRangeAt(0).cloneRange();
    anno.addAnnotation({
      id,
      bodies: [body(id, label)],
      target: { annotation: id, selector: [rangeToSelector(range, container)], created: new Date() },
    } as TextAnnotation);
    selection.removeAllRanges();
    return;
  }
  const selected = anno.getSelected()[0];
  if (selected) anno.updateAnnotation({ ...selected, bodies: [body(selected.id, label)] });
});
