import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OffsetIndex } from '@shared/offsets';
import { mayEdit } from '../state/slices/layers';
import { useAppState, useAppStore } from '../state/useStore';
import { AnnotationInspector } from './AnnotationInspector';
import { AnnotationsHere } from './AnnotationsHere';
import { DocumentDetails } from './DocumentDetails';
import { LayersControl } from './LayersControl';
import { useLayerView, useShownAnnotations } from '../state/useLayers';
import { SuggestionList } from './SuggestionList';
import { VisibleText } from './VisibleText';
import { useLabelColor } from '../theme/useLabelColor';

const ROW_HEIGHT = 52;
const SNIPPET = 90;

/** The open document's annotations in text order (virtualised), and the selected one's details above them. */
export function AnnotationPanel() {
  const { t } = useTranslation('workbench');
  const store = useAppStore();
  const paint = useLabelColor();
  const open = useAppState((s) => s.open);
  const labels = useAppState((s) => s.labels);
  const selectedId = useAppState((s) => s.selectedAnnotationId);
  const scroller = useRef<HTMLDivElement>(null);
  // Only the layers that show: the user's own (or the curated one) and those chosen in the Layers control.
  const annotations = useShownAnnotations();
  const { acting } = useLayerView();
  const index = useMemo(() => new OffsetIndex(open?.document.text ?? ''), [open?.document.text]);
  const labelById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  return (
    <aside className="annotation-panel" aria-label={t('annotations.panel')}>
      <DocumentDetails />
      <LayersControl />
      <AnnotationsHere />
      <AnnotationInspector
        annotation={selected}
        annotations={annotations}
        relations={open?.relations ?? []}
        index={index}
      />
      {open && <SuggestionList />}
      <div className="pane-title">{t('annotations.title', { count: annotations.length })}</div>
      <div className="virtual-scroller" ref={scroller}>
        <ul
          className="virtual-body"
          aria-label={t('annotations.list')}
          ref={(el) => el?.style.setProperty('height', `${virtualizer.getTotalSize()}px`)}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const annotation = annotations[item.index]!;
            const label = labelById.get(annotation.labelId);
            const text = index.slice(annotation.start, Math.min(annotation.end, annotation.start + SNIPPET));
            return (
              // Clicking a row is the mouse's way to select; the keyboard's is Tab / Shift+Tab (the shortcuts),
              // so the rows stay out of the focus order.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- see above
              <li
                key={annotation.id}
                className={`annotation-row${annotation.id === selectedId ? ' active' : ''}`}
                data-testid="annotation-row"
                data-label={label?.name}
                data-annotator={annotation.annotator ?? undefined}
                ref={(el) => el?.style.setProperty('transform', `translateY(${item.start}px)`)}
                onClick={() => store.selectAnnotation(annotation.id, true)}
              >
                <span
                  className="annotation-label"
                  ref={(el) => el?.style.setProperty('--label-color', paint(label?.color ?? ''))}
                >
                  <VisibleText text={label?.name ?? annotation.labelId} />
                  {!mayEdit(acting, annotation) && (
                    // Whose it is, in the label's cell: the row's grid has two columns.
                    <span className="annotation-layer">
                      {' · '}
                      <VisibleText text={annotation.annotator ?? ''} />
                    </span>
                  )}
                </span>
                <span className="annotation-text" dir="auto">
                  <VisibleText text={text} />
                  {annotation.end - annotation.start > SNIPPET ? '…' : ''}
                </span>
                {annotation.note && (
                  <span className="annotation-note" dir="auto">
                    <VisibleText text={annotation.note} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </aside>
  );
}
