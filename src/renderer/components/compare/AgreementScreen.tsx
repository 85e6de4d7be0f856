/**
 * The Agreement view (issue 12): choose annotators, labels and statuses; the figures `spanlight agreement`
 * computes, computed in core, as a table and a chart per label, and which documents were counted.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@shared/model';
import { useAppState, useAppStore } from '../../state/useStore';
import { VisibleText, visibleText } from '../VisibleText';
import { CheckList } from './CheckList';
import { LabelAgreementSection } from './LabelAgreement';
import '../../styles/compare.css';

/** Names joined as the interface's language lists them ("A, B and C", or "A وB وC"). */
const listOf = (names: string[], language: string) =>
  new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(names);

export function AgreementScreen() {
  const { t, i18n } = useTranslation('compare', { keyPrefix: 'agreement' });
  const store = useAppStore();
  const { layers, into } = useAppState((s) => s.comparison);
  const labels = useAppState((s) => s.labels);
  const { figures, computing } = useAppState((s) => s.agreement);
  const [annotators, setAnnotators] = useState<string[] | null>(null);
  const labelNames = labels.map((l) => l.name);
  const [chosenLabels, setChosenLabels] = useState<string[]>(labelNames);
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  useEffect(() => {
    if (layers === null) void store.loadLayers();
  }, [layers, store]);
  const candidates = layers ?? [];
  const chosen = annotators ?? candidates.filter((name) => name !== into);

  const compute = () =>
    void store.computeAgreement({
      annotators: chosen,
      labels: chosenLabels,
      ...(statuses.length ? { statuses } : {}),
    });

  return (
    <div className="compare-screen agreement-screen">
      <header className="compare-header">
        <button onClick={() => store.showScreen('workbench')}>{t('back')}</button>
        <h1>{t('title')}</h1>
        <button onClick={() => void store.openComparison()}>{t('compare')}</button>
      </header>
      <section className="compare-controls">
        <CheckList
          legend={t('annotators')}
          items={candidates}
          checked={chosen}
          onChange={setAnnotators}
          name={(name) => <VisibleText text={name} />}
        />
        <CheckList
          legend={t('labels')}
          items={labelNames}
          checked={chosenLabels}
          onChange={setChosenLabels}
          name={(name) => <VisibleText text={name} />}
        />
        <CheckList
          legend={t('statuses')}
          items={DOCUMENT_STATUSES}
          checked={statuses}
          onChange={setStatuses}
          name={(status) => t(`status.${status}`)}
        />
        <button disabled={chosen.length < 2 || chosenLabels.length === 0 || computing} onClick={compute}>
          {computing ? t('computing') : t('compute')}
        </button>
        {chosen.length < 2 && <p className="compare-empty">{t('chooseTwo')}</p>}
      </section>
      {figures && (
        <main className="agreement-results" aria-live="polite">
          <p title={t('countedRule')}>
            <strong>{t('counted', { count: figures.report.documents })}</strong>
            {' · '}
            {visibleText(listOf(figures.report.annotators, i18n.language))}
          </p>
          {figures.skipped.length > 0 && (
            <details className="agreement-skipped">
              <summary>{t('skipped', { count: figures.skipped.length })}</summary>
              <ul>
                {figures.skipped.map((doc) => (
                  <li key={doc.id}>
                    <VisibleText text={doc.title} /> —{' '}
                    {t('missing', { names: visibleText(listOf(doc.missing, i18n.language)) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {Object.keys(figures.report.labels).length === 0 && <p>{t('noLabels')}</p>}
          {Object.entries(figures.report.labels).map(([label, scores]) => (
            <LabelAgreementSection key={label} label={label} scores={scores} />
          ))}
        </main>
      )}
    </div>
  );
}
