/**
 * The text once, paragraph by paragraph; under a paragraph that holds compared spans, one lane per chosen
 * annotator. A lane repeats the paragraph's text invisibly, so it wraps exactly as the text does and each
 * span's bar sits under its words, in either direction. In the text, each disagreement is marked by kind and
 * the focused one (chosen by key or in the list beside) is outlined and scrolled to.
 */
import { Fragment, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparedSpan, Disagreement, DocumentComparison } from '@shared/comparison';
import { OffsetIndex } from '@shared/offsets';
import { useAppState } from '../../state/useStore';
import { visibleText, VisibleText } from '../VisibleText';
import { paragraphsOf, piecesOf } from './textPieces';

interface Props {
  text: string;
  view: DocumentComparison;
}

export function ComparisonText({ text, view }: Props) {
  const { t } = useTranslation('compare');
  const focus = useAppState((s) => s.comparison.focus);
  const labels = useAppState((s) => s.labels);
  const index = useMemo(() => new OffsetIndex(text), [text]);
  const paragraphs = useMemo(() => paragraphsOf(index), [index]);
  const focusedRef = useRef<HTMLElement | null>(null);
  const focused = view.disagreements[focus];
  // A block body: newer Chromium answers scrollIntoView with a promise, which React would take for a cleanup.
  useEffect(() => {
    focusedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const ranked = view.disagreements.map((d, i) => ({ ...d, position: i }));

  const spanTitle = (span: ComparedSpan) =>
    t('spanTitle', {
      label: visibleText(labelName(span.labelId)),
      annotator: visibleText(span.annotator),
      kind: t(`kinds.${span.kind}`),
    });

  return (
    <div className="compare-paragraphs">
      {paragraphs.map((paragraph) => {
        const spans = view.spans.filter((s) => s.start < paragraph.end && s.end > paragraph.start);
        return (
          <div className="compare-paragraph" key={paragraph.start}>
            <p className="compare-line" dir="auto">
              {piecesOf(index, paragraph.start, paragraph.end, ranked).map((piece) => {
                const d = piece.covering[0] as (Disagreement & { position: number }) | undefined;
                if (!d) return <VisibleText key={piece.start} text={piece.text} />;
                const isFocused = d.position === focus;
                return (
                  <mark
                    key={piece.start}
                    ref={
                      isFocused && piece.start === Math.max(d.start, paragraph.start) ? focusedRef : undefined
                    }
                    className={`compare-region kind-${d.kind}${isFocused ? ' focused' : ''}${d.settled ? ' settled' : ''}`}
                    title={t(`kinds.${d.kind}`)}
                  >
                    <VisibleText text={piece.text} />
                  </mark>
                );
              })}
            </p>
            {spans.length > 0 &&
              view.annotators.map((annotator, position) => (
                // Drawn for the eye: the disagreement panel says the same in words, for a screen reader.
                <div className="compare-lane" key={annotator} aria-hidden="true">
                  <span className="compare-lane-name">
                    {t('lane', { position: position + 1, name: visibleText(annotator) })}
                  </span>
                  <p className="compare-ghost" dir="auto">
                    {piecesOf(
                      index,
                      paragraph.start,
                      paragraph.end,
                      spans.filter((s) => s.annotator === annotator),
                    ).map((piece) => {
                      const span = piece.covering.at(-1);
                      return span ? (
                        <span
                          key={piece.start}
                          className={`compare-bar kind-${span.kind}`}
                          title={spanTitle(span)}
                        >
                          <VisibleText text={piece.text} />
                        </span>
                      ) : (
                        <Fragment key={piece.start}>
                          <VisibleText text={piece.text} />
                        </Fragment>
                      );
                    })}
                  </p>
                </div>
              ))}
          </div>
        );
      })}
    </div>
  );
}
