import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@shared/suggestions';
import { formatNumber } from '../i18n/format';
import { wordOr } from '../i18n/message';
import { openSuggestions, suggestionAtCaret } from '../state/slices/suggestions';
import { useAppState, useAppStore } from '../state/useStore';
import { keyHint } from './keyHints';
import { snippet } from './snippet';
import { VisibleText, visibleText } from './VisibleText';
import '../styles/suggestions.css';

const SNIPPET = 90;
/** Rows are of one height (two lines), so the list is virtualised: a 50 KB article offers hundreds. */
const ROW_HEIGHT = 46;

/** The keys the hint under the buttons names, from the key map. */
const KEYS = [
  ['acceptSuggestion', 'panel.keyAccept'],
  ['rejectSuggestion', 'panel.keyReject'],
  ['acceptAllSuggestions', 'panel.keyAcceptAll'],
] as const;

/**
 * The open document's suggestions in text order, in the annotation panel: label, text, the value of a number
 * and the rule that found it. Going to one puts the caret there (so the keys act on it); each can be accepted
 * or rejected, and all of a label accepted at once.
 */
export function SuggestionList() {
  const { t } = useTranslation('suggest');
  const store = useAppStore();
  const suggestions = useAppState(openSuggestions);
  const caret = useAppState((s) => s.caret);
  const labels = useAppState((s) => s.labels);
  const labelName = useMemo(() => new Map(labels.map((l) => [l.id, l.name])), [labels]);
  const target = suggestionAtCaret(suggestions, caret);
  // Accept-all buttons in the labels' own order, for the labels that have suggestions here.
  const offeredLabels = labels.filter((label) => suggestions.some((s) => s.labelId === label.id));

  const [expanded, setExpanded] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: suggestions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // The row the keys would act on stays in view as the caret moves through the article.
  const targetIndex = target ? suggestions.indexOf(target) : -1;
  useEffect(() => {
    if (targetIndex >= 0) virtualizer.scrollToIndex(targetIndex, { align: 'auto' });
  }, [virtualizer, targetIndex]);

  const row = (suggestion: Suggestion, top: number) => {
    const label = labelName.get(suggestion.labelId) ?? suggestion.labelId;
    const names = { label: visibleText(label), text: visibleText(snippet(suggestion.text, 40)) };
    const value = suggestion.attributes.value;
    return (
      <li
        key={suggestion.id}
        className={`suggestion-row${suggestion === target ? ' current' : ''}`}
        data-testid="suggestion-row"
        data-label={label}
        aria-current={suggestion === target ? 'true' : undefined}
        ref={(el) => el?.style.setProperty('transform', `translateY(${top}px)`)}
      >
        <button
          className="suggestion-go"
          aria-label={t('panel.goTo', names)}
          onClick={() => store.reveal({ start: suggestion.start, end: suggestion.start })}
        >
          <span className="suggestion-label">
            <VisibleText text={label} />
          </span>
          <span className="suggestion-text" dir="auto">
            <VisibleText text={snippet(suggestion.text, SNIPPET)} />
          </span>
        </button>
        <span className="suggestion-rule" title={wordOr(suggestion.i18n, suggestion.reason)}>
          {typeof value === 'number' && (
            <span className="suggestion-value">{t('panel.value', { value: formatNumber(value) })} · </span>
          )}
          {t(`rules.${suggestion.rule}`)}
        </span>
        <span className="suggestion-buttons">
          <button
            aria-label={t('panel.acceptOne', names)}
            title={t('panel.accept')}
            onClick={() => void store.acceptSuggestion(suggestion.id)}
          >
            ✓
          </button>
          <button
            aria-label={t('panel.rejectOne', names)}
            title={t('panel.reject')}
            onClick={() => void store.rejectSuggestion(suggestion.id)}
          >
            ✕
          </button>
        </span>
      </li>
    );
  };

  return (
    <section className="suggestion-section" aria-label={t('panel.region')}>
      {/* Folding the section gives its room back to the annotation list below. */}
      <button
        className="pane-title suggestion-toggle"
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
      >
        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>{' '}
        {t('panel.title', { count: suggestions.length })}
      </button>
      {!expanded ? null : suggestions.length === 0 ? (
        <p className="suggestion-empty muted">{t('panel.empty')}</p>
      ) : (
        <>
          <div className="suggestion-accept-all">
            {offeredLabels.map((label) => (
              <button key={label.id} onClick={() => void store.acceptAllSuggestions(label.id)}>
                {t('panel.acceptAll', {
                  label: visibleText(label.name),
                  count: suggestions.filter((s) => s.labelId === label.id).length,
                })}
              </button>
            ))}
          </div>
          <p className="suggestion-hint muted">
            {KEYS.map(([action, text], i) => (
              <Fragment key={action}>
                {i > 0 && ' · '}
                <kbd dir="ltr">{keyHint(action)}</kbd> {t(text)}
              </Fragment>
            ))}
          </p>
          <div className="suggestion-scroller" ref={scroller}>
            <ul
              className="virtual-body"
              aria-label={t('panel.list')}
              ref={(el) => el?.style.setProperty('height', `${virtualizer.getTotalSize()}px`)}
            >
              {virtualizer.getVirtualItems().map((item) => row(suggestions[item.index]!, item.start))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
