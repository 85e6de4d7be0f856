/** Which annotators are compared, the curated layer's name, and "Accept all agreed" with its report. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADJUDICATION_RULES, type AdjudicationRule } from '@shared/comparison';
import { useAppState, useAppStore } from '../../state/useStore';
import { VisibleText } from '../VisibleText';
import { CheckList } from './CheckList';

export function ComparisonControls() {
  const { t } = useTranslation('compare');
  const store = useAppStore();
  const { layers, chosen, into, report } = useAppState((s) => s.comparison);
  const [rule, setRule] = useState<AdjudicationRule>('majority');
  const [name, setName] = useState(into);
  const candidates = (layers ?? []).filter((layer) => layer !== into);
  const left = report?.unsettled.reduce((sum, d) => sum + d.count, 0) ?? 0;
  return (
    <section className="compare-controls">
      <CheckList
        legend={t('annotators')}
        items={candidates}
        checked={chosen}
        onChange={(names) => void store.chooseAnnotators(names)}
        name={(layer) => <VisibleText text={layer} />}
      />
      <label className="compare-field">
        {t('curatedLayer')}
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => void store.setCuratedLayer(name)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void store.setCuratedLayer(name);
          }}
        />
      </label>
      <label className="compare-field">
        {t('rule')}
        <select value={rule} onChange={(event) => setRule(event.target.value as AdjudicationRule)}>
          {ADJUDICATION_RULES.map((r) => (
            <option key={r} value={r}>
              {t(`rules.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        disabled={chosen.length < 2}
        title={t('acceptAgreedTitle')}
        onClick={() => void store.acceptAllAgreed(rule)}
      >
        {t('acceptAgreed')}
      </button>
      {report && (
        <p className="compare-report" role="status">
          {t('report', { accepted: report.accepted, left, documents: report.unsettled.length })}
        </p>
      )}
      {layers !== null && candidates.length < 2 && <p className="compare-empty">{t('noLayers')}</p>}
      {candidates.length >= 2 && chosen.length < 2 && <p className="compare-empty">{t('chooseTwo')}</p>}
    </section>
  );
}
