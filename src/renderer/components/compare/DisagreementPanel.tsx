/**
 * The focused disagreement: each compared annotator's span in it (label, text, kind) with Accept (keys 1, 2,
 * 3…), Reject, what the curated layer holds there (its label editable), and the list of every disagreement.
 */
import { useTranslation } from 'react-i18next';
import { OffsetIndex } from '@shared/offsets';
import { useAppState, useAppStore } from '../../state/useStore';
import { keyHint } from '../keyHints';
import { VisibleText, visibleText } from '../VisibleText';

export function DisagreementPanel() {
  const { t } = useTranslation('compare');
  const store = useAppStore();
  const { view, focus, into } = useAppState((s) => s.comparison);
  const open = useAppState((s) => s.open);
  const labels = useAppState((s) => s.labels);
  if (!view || !open || open.document.id !== view.documentId) return null;
  const index = new OffsetIndex(open.document.text);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const focused = view.disagreements[focus];
  const inFocus = focused ? view.spans.filter((s) => focused.spanIds.includes(s.id)) : [];
  const curatedHere = focused
    ? view.curated.filter((c) => inFocus.some((s) => c.start < s.end && s.start < c.end))
    : [];

  const inCurated = (span: { labelId: string; start: number; end: number }) =>
    curatedHere.some((c) => c.labelId === span.labelId && c.start === span.start && c.end === span.end);
  // The curated span an extent button moves: the first one over the focused disagreement.
  const target = curatedHere[0];

  return (
    <>
      <section className="compare-focus" aria-labelledby="compare-focus-title">
        <h2 id="compare-focus-title">{t('disagreements')}</h2>
        {!focused && <p className="compare-empty">{t('noDisagreements')}</p>}
        {focused && (
          <>
            <p className={`compare-kind kind-${focused.kind}`}>
              {t('focused', { position: focus + 1, count: view.disagreements.length })} ·{' '}
              {t(`kinds.${focused.kind}`)} · {t(`settled.${focused.settled ?? 'open'}`)}
            </p>
            <ol className="compare-choices">
              {view.annotators.map((annotator, position) => {
                const spans = inFocus.filter((s) => s.annotator === annotator);
                const key = String(position + 1);
                return (
                  <li key={annotator}>
                    <span className="compare-who">
                      <kbd>{key}</kbd> <VisibleText text={annotator} />
                    </span>
                    {spans.length === 0 && <span className="compare-none">{t('nothingFrom')}</span>}
                    {spans.map((span) => (
                      <span key={span.id} className={`compare-choice kind-${span.kind}`}>
                        <strong>
                          <VisibleText text={labelName(span.labelId)} />
                        </strong>{' '}
                        <q dir="auto">
                          <VisibleText text={index.slice(span.start, span.end)} />
                        </q>
                      </span>
                    ))}
                    {target &&
                      spans
                        .filter((span) => span.start !== target.start || span.end !== target.end)
                        .map((span) => (
                          <button
                            key={span.id}
                            onClick={() => void store.setCuratedExtent(target.id, span)}
                            title={t('useExtentTitle', { into: visibleText(into) })}
                          >
                            {t('useExtent')}
                          </button>
                        ))}
                    {/* Accepting again what the curated layer holds already would only be refused. */}
                    {spans.some((span) => !inCurated(span)) && (
                      <button
                        onClick={() => void store.acceptFrom(position + 1)}
                        title={t('acceptTitle', {
                          name: visibleText(annotator),
                          into: visibleText(into),
                          key,
                        })}
                      >
                        {t('accept')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
            <div className="compare-actions">
              <button
                onClick={() => void store.rejectFocused()}
                title={t('rejectTitle', { key: keyHint('rejectDisagreement') })}
              >
                {t('reject')} <kbd>{keyHint('rejectDisagreement')}</kbd>
              </button>
              <button onClick={() => void store.undoInComparison()}>
                {t('undo')} <kbd>{keyHint('compareUndo')}</kbd>
              </button>
              <button onClick={() => void store.redoInComparison()}>
                {t('redo')} <kbd>{keyHint('compareRedo')}</kbd>
              </button>
            </div>
            <h3>{t('curated', { into: visibleText(into) })}</h3>
            {curatedHere.length === 0 && (
              <p className="compare-none">{t('curatedNone', { into: visibleText(into) })}</p>
            )}
            <ul className="compare-curated">
              {curatedHere.map((c) => (
                <li key={c.id}>
                  <select
                    aria-label={t('curatedLabel', { start: c.start, end: c.end })}
                    value={c.labelId}
                    onChange={(event) => void store.relabelCurated(c.id, event.target.value)}
                  >
                    {labels.map((label) => (
                      <option key={label.id} value={label.id}>
                        {visibleText(label.name)}
                      </option>
                    ))}
                  </select>{' '}
                  <q dir="auto">
                    <VisibleText text={index.slice(c.start, c.end)} />
                  </q>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {view.disagreements.length > 0 && (
        <nav className="compare-list" aria-label={t('disagreements')}>
          <ol>
            {view.disagreements.map((d, i) => (
              <li key={`${d.start}-${d.end}`}>
                <button
                  className={`kind-${d.kind}${i === focus ? ' focused' : ''}${d.settled ? ' settled' : ''}`}
                  aria-current={i === focus ? 'true' : undefined}
                  onClick={() => store.focusDisagreement(i)}
                >
                  <span dir="auto">
                    <VisibleText text={index.slice(d.start, Math.min(d.end, d.start + 40))} />
                  </span>{' '}
                  <small>
                    {t(`kinds.${d.kind}`)} · {t(`settled.${d.settled ?? 'open'}`)}
                  </small>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </>
  );
}
