/**
 * One label's agreement: Fleiss' κ, Krippendorff's α and uα, a table per annotator pair (exact and overlap
 * precision, recall, F1, Cohen's κ) and a chart of F1 and κ per pair. An undefined figure is "—", its reason
 * on hover; every cell carries its exact value in `data-value` (what `spanlight agreement --json` prints).
 */
import { useTranslation } from 'react-i18next';
import type { LabelFigures, MatchFigures, PairFigures } from '@shared/comparison';
import { formatNumber } from '../../i18n/format';
import { visibleText, VisibleText } from '../VisibleText';
import { AgreementChart } from './AgreementChart';

function Figure({ value, why }: { value: number | null; why: string }) {
  const { t } = useTranslation('compare', { keyPrefix: 'agreement' });
  return value === null ? (
    <span className="figure undefined" data-value="null" title={why} aria-label={`${t('undefined')}: ${why}`}>
      —
    </span>
  ) : (
    <span className="figure" data-value={String(value)}>
      {formatNumber(value)}
    </span>
  );
}

/** The coefficients over all chosen annotators: the report's field, its name, why it can be undefined. */
const OVERALL = [
  ['fleiss_kappa', 'fleiss', 'why.kappa'],
  ['alpha', 'alpha', 'why.kappa'],
  ['unitizing_alpha', 'unitizing', 'why.unitizing'],
] as const;

export function LabelAgreementSection({ label, scores }: { label: string; scores: LabelFigures }) {
  const { t } = useTranslation('compare', { keyPrefix: 'agreement' });
  const headingId = `agreement-${label}`;
  const match = (pair: PairFigures, figures: MatchFigures) => {
    const names = { a: visibleText(pair.a), b: visibleText(pair.b) };
    return (['precision', 'recall', 'f1'] as const).map((measure) => (
      <td key={measure}>
        <Figure value={figures[measure]} why={t(`why.${measure}`, names)} />
      </td>
    ));
  };
  return (
    <section className="agreement-label" aria-labelledby={headingId} data-label={label}>
      <h2 id={headingId}>
        <VisibleText text={label} />
      </h2>
      <dl className="agreement-overall">
        {OVERALL.map(([figure, name, why]) => (
          <div key={figure}>
            <dt>{t(name)}</dt>
            <dd data-figure={figure}>
              <Figure value={scores[figure]} why={t(why)} />
            </dd>
          </div>
        ))}
      </dl>
      <div className="agreement-body">
        <table className="agreement-pairs">
          <thead>
            <tr>
              <th rowSpan={2} scope="col">
                {t('pair')}
              </th>
              <th colSpan={3} scope="colgroup">
                {t('exact')}
              </th>
              <th colSpan={3} scope="colgroup">
                {t('overlap')}
              </th>
              <th rowSpan={2} scope="col">
                {t('kappa')}
              </th>
            </tr>
            <tr>
              {[0, 1].flatMap((k) =>
                (['precision', 'recall', 'f1'] as const).map((measure) => (
                  <th key={`${k}${measure}`} scope="col">
                    {t(measure)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {scores.pairs.map((pair) => (
              <tr key={`${pair.a}\u0000${pair.b}`} data-pair={`${pair.a}|${pair.b}`}>
                <th scope="row">
                  <VisibleText text={pair.a} /> – <VisibleText text={pair.b} />
                </th>
                {match(pair, pair.exact)}
                {match(pair, pair.overlap)}
                <td>
                  <Figure value={pair.kappa} why={t('why.kappa')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <AgreementChart label={label} pairs={scores.pairs} />
      </div>
    </section>
  );
}
