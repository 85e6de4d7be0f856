/**
 * The Agreement view (issue 12): choose annotators, labels and statuses; the figures `spanlight agreement`
 * computes, computed in core, as a table and a chart per label, and which documents were counted.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_STATUSES, type DocumentStatus } from '@shared/model';
import { useAppState, useAppStore } from '../../state/useStore';
import { VisibleText, visibleText } from '../VisibleText';
import { LabelAgreementSection } from './LabelAgreement';
import '../../styles/compare.css';

/** Names joined as the interface's language lists them ("A, B" or "A، B"). */
const listOf = (names: string[], language: string) =>
  new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(names);

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

export function AgreementScreen() {
  const { t, i18n } = useTranslation('compare', { keyPrefix: 'agreement' });
  const store = useAppStore();
  const { layers, into } = useAppState((s) => s.comparison);
  const labels = useAppState((s) => s.labels);
  const { figures, computing } = useAppState((s) => s.agreement);
  const [annotators, setAnnotators] = useState<string[] | null>(null);
  const [chosenLabels, setChosenLabels] = useState<string[]>(() => labels.map((l) => l.name));
  const [statuses, setStatuses] = useState<DocumentStatus[]>([]);
  useEffect(() => {
    if (layers === null) void store.loadLayers();
  }, [layers, store]);
  const candidates = layers ?? [];
  const chosen = annotators ?? candidates.filter((name) => name !== into);
  const inOrder = (names: string[]) => labels.map((l) => l.name).filter((name) => names.includes(name));

  const compute = () =>
    void store.computeAgreement({
      annotators: candidates.filter((name) => chosen.includes(name)),
      labels: inOrder(chosenLabels),
      ...(statuses.length ? { statuses: DOCUMENT_STATUSES.filter((s) => statuses.includes(s)) } : {}),
    });

  return (
    <div className="compare-screen agreement-screen">
      <header className="compare-header">
        <button onClick={() => store.showScreen('workbench')}>{t('back')}</button>
        <h1>{t('title')}</h1>
        <button onClick={() => void store.openComparison()}>{t('compare')}</button>
      </header>
      <section className="compare-controls">
        <fieldset>
          <legend>{t('annotators')}</legend>
          {candidates.map((name) => (
            <label key={name} className="compare-check">
              <input
                type="checkbox"
                checked={chosen.includes(name)}
                onChange={(event) => setAnnotators(toggled(chosen, name, event.target.checked))}
              />
              <VisibleText text={name} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('labels')}</legend>
          {labels.map((label) => (
            <label key={label.id} className="compare-check">
              <input
                type="checkbox"
                checked={chosenLabels.includes(label.name)}
                onChange={(event) => setChosenLabels(toggled(chosenLabels, label.name, event.target.checked))}
              />
              <VisibleText text={label.name} />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('statuses')}</legend>
          {DOCUMENT_STATUSES.map((status) => (
            <label key={status} className="compare-check">
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(event) => setStatuses(toggled(statuses, status, event.target.checked))}
              />
              {t(`status.${status}`)}
            </label>
          ))}
        </fieldset>
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
