import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationSearchHit, DocumentSearchHit } from '@shared/model';
import { openAnnotationHit, openDocumentHit } from '../state/actions/search';
import { useAppState, useAppStore } from '../state/useStore';
import { Dialog } from './Dialog';
import { VisibleText, visibleText } from './VisibleText';

const DEBOUNCE_MS = 200;

function useDebounced<T>(value: T): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

function DocumentSearch() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<DocumentSearchHit[]>([]);
  const debounced = useDebounced(query);
  useEffect(() => {
    if (!debounced.trim()) return setHits([]);
    void store.call('search:documents', { query: debounced }).then((found) => setHits(found ?? []));
  }, [store, debounced]);
  return (
    <section className="stack">
      <input
        type="search"
        data-autofocus
        dir="auto"
        placeholder={t('search.articlesPlaceholder')}
        aria-label={t('search.articles')}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <ul className="search-results" aria-label={t('search.articleHits')}>
        {hits.map((hit) => (
          <li key={hit.documentId}>
            <button
              className="search-hit"
              data-testid="document-hit"
              onClick={() => void openDocumentHit(store, hit)}
            >
              <strong dir="auto" className="hit-title">
                <VisibleText text={hit.title} />
              </strong>
              <span dir="auto" className="hit-context">
                …<VisibleText text={hit.before} />
                <mark>
                  <VisibleText text={hit.match} />
                </mark>
                <VisibleText text={hit.after} />…
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnnotationSearch() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const labels = useAppState((s) => s.labels);
  const [labelId, setLabelId] = useState('');
  const [text, setText] = useState('');
  const [minValue, setMinValue] = useState('');
  const [hits, setHits] = useState<AnnotationSearchHit[] | null>(null);
  const run = () => {
    const min = minValue.trim() === '' ? undefined : Number(minValue);
    void store
      .call('search:annotations', {
        labelId: labelId || undefined,
        text: text.trim() || undefined,
        attribute: min === undefined ? undefined : 'value',
        min,
      })
      .then((found) => setHits(found ?? []));
  };
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  return (
    <section className="stack">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <select
          aria-label={t('search.annotationLabel')}
          value={labelId}
          onChange={(e) => setLabelId(e.currentTarget.value)}
        >
          <option value="">{t('search.anyLabel')}</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {visibleText(l.name)}
            </option>
          ))}
        </select>
        <input
          type="search"
          dir="auto"
          placeholder={t('search.textPlaceholder')}
          aria-label={t('search.annotationText')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <input
          type="number"
          placeholder={t('search.minPlaceholder')}
          aria-label={t('search.minValue')}
          value={minValue}
          onChange={(e) => setMinValue(e.currentTarget.value)}
        />
        <button type="submit">{t('search.find')}</button>
      </form>
      {hits && <div className="muted">{t('common:count.annotations', { count: hits.length })}</div>}
      <ul className="search-results" aria-label={t('search.annotationHits')}>
        {hits?.map((hit) => (
          <li key={hit.annotation.id}>
            <button
              className="search-hit"
              data-testid="annotation-hit"
              onClick={() => void openAnnotationHit(store, hit)}
            >
              <span className="hit-label">
                <VisibleText text={labelName(hit.annotation.labelId)} />
              </span>
              <span dir="auto" className="hit-title">
                <VisibleText text={hit.text} />
              </span>
              <span className="hit-context" dir="auto">
                <VisibleText text={hit.documentTitle} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Search across all articles (full text) and across annotations (label, text, value). */
export function SearchDialog() {
  const { t } = useTranslation('dialogs');
  const store = useAppStore();
  const [tab, setTab] = useState<'articles' | 'annotations'>('articles');
  return (
    <Dialog title={t('search.title')} wide onClose={() => store.closeDialog()}>
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'articles'} onClick={() => setTab('articles')}>
          {t('search.articlesTab')}
        </button>
        <button role="tab" aria-selected={tab === 'annotations'} onClick={() => setTab('annotations')}>
          {t('search.annotationsTab')}
        </button>
      </div>
      {tab === 'articles' ? <DocumentSearch /> : <AnnotationSearch />}
    </Dialog>
  );
}
